CREATE TABLE `end_user_one_time_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `end_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `end_user_one_time_tokens_token_hash_unique` ON `end_user_one_time_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `end_user_one_time_tokens_user_idx` ON `end_user_one_time_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `end_user_refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`rotated_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `end_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `end_user_refresh_tokens_token_hash_unique` ON `end_user_refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `end_user_refresh_tokens_family_idx` ON `end_user_refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `end_user_refresh_tokens_user_idx` ON `end_user_refresh_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `end_user_self_resets` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`end_user_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`end_user_id`) REFERENCES `end_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `end_user_self_resets_license_idx` ON `end_user_self_resets` (`license_id`,`at`);--> statement-breakpoint
CREATE TABLE `portal_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`self_registration` integer NOT NULL,
	`hwid_reset_cooldown_hours` integer NOT NULL,
	`max_self_resets_per_30_days` integer NOT NULL,
	`allow_session_kill` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `end_users` ADD `password_hash` text;