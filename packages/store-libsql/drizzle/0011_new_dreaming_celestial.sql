CREATE TABLE `license_variables` (
	`license_id` text NOT NULL,
	`name` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`license_id`, `name`),
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `product_variables` (
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`value` text NOT NULL,
	`secret` integer DEFAULT false NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`product_id`, `name`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `product_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`version` text NOT NULL,
	`channel` text NOT NULL,
	`notes` text,
	`required` integer DEFAULT false NOT NULL,
	`file_id` text,
	`released_at` integer NOT NULL,
	`yanked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_versions_channel_version_unique` ON `product_versions` (`product_id`,`channel`,`version`);--> statement-breakpoint
CREATE INDEX `product_versions_product_idx` ON `product_versions` (`product_id`);--> statement-breakpoint
ALTER TABLE `licenses` ADD `channels` text DEFAULT '["stable"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `licenses` ADD `updates_until` integer;