CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`interval` text NOT NULL,
	`interval_count` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`trial_days` integer NOT NULL,
	`grace_days` integer NOT NULL,
	`license_template` text NOT NULL,
	`external_price_id` text,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plans_product_idx` ON `plans` (`product_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plans_product_external_price_unique` ON `plans` (`product_id`,`external_price_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`product_id` text NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`product_id`, `event_id`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stripe_settings` (
	`product_id` text PRIMARY KEY NOT NULL,
	`webhook_secret_sealed` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`pending_plan_id` text,
	`end_user_id` text NOT NULL,
	`license_id` text,
	`status` text NOT NULL,
	`anchor_at` integer NOT NULL,
	`period_index` integer NOT NULL,
	`current_period_start` integer NOT NULL,
	`current_period_end` integer NOT NULL,
	`trial_ends_at` integer,
	`cancel_at_period_end` integer NOT NULL,
	`canceled_at` integer,
	`due_at` integer,
	`due_action` text,
	`license_frozen_by_billing` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`external_subscription_id` text,
	`external_event_at` integer,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pending_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`end_user_id`) REFERENCES `end_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `subscriptions_product_idx` ON `subscriptions` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `subscriptions_due_idx` ON `subscriptions` (`due_at`);--> statement-breakpoint
CREATE INDEX `subscriptions_license_idx` ON `subscriptions` (`license_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_product_external_unique` ON `subscriptions` (`product_id`,`external_subscription_id`);