CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`permissions` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix_unique` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_product_idx` ON `api_keys` (`product_id`);--> statement-breakpoint
CREATE TABLE `blacklist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`range_start` text,
	`range_end` text,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_product_type_value_unique` ON `blacklist_entries` (`product_id`,`type`,`value`);--> statement-breakpoint
CREATE INDEX `blacklist_product_range_idx` ON `blacklist_entries` (`product_id`,`type`,`range_start`);--> statement-breakpoint
CREATE TABLE `end_users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`username` text NOT NULL,
	`email` text,
	`username_lower` text NOT NULL,
	`email_lower` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `end_users_org_username_unique` ON `end_users` (`org_id`,`username_lower`);--> statement-breakpoint
CREATE INDEX `end_users_org_email_idx` ON `end_users` (`org_id`,`email_lower`);--> statement-breakpoint
CREATE TABLE `license_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`hwid` text,
	`ip` text,
	`app_version` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `license_sessions_license_idx` ON `license_sessions` (`license_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `licenses` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`key` text NOT NULL,
	`status` text NOT NULL,
	`frozen` integer DEFAULT false NOT NULL,
	`frozen_at` integer,
	`expires_at` integer,
	`duration_days` integer,
	`policy_overrides` text DEFAULT '{}' NOT NULL,
	`hwids` text DEFAULT '[]' NOT NULL,
	`ips` text DEFAULT '[]' NOT NULL,
	`note` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`end_user_id` text,
	`redeemed_at` integer,
	`last_authorized_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`end_user_id`) REFERENCES `end_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `licenses_product_key_unique` ON `licenses` (`product_id`,`key`);--> statement-breakpoint
CREATE INDEX `licenses_product_id_idx` ON `licenses` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `licenses_end_user_idx` ON `licenses` (`end_user_id`);--> statement-breakpoint
CREATE INDEX `licenses_product_expires_idx` ON `licenses` (`product_id`,`expires_at`);