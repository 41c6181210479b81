CREATE TABLE `license_hwids` (
	`seq` integer PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`hwid` text NOT NULL,
	`name` text,
	`platform` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `license_hwids_license_hwid_unique` ON `license_hwids` (`license_id`,`hwid`);--> statement-breakpoint
CREATE TABLE `license_ips` (
	`seq` integer PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`ip` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `license_ips_license_ip_unique` ON `license_ips` (`license_id`,`ip`);--> statement-breakpoint
-- Hand-written: the JSON arrays become rows, in array order (so seq keeps bind order).
-- Bind times were never stored: first and last seen start at the license's last
-- authorize (its last change when it never authorized). Duplicates within one array
-- (never written by authorize) collapse into one row.
INSERT INTO `license_hwids` (`license_id`, `hwid`, `first_seen_at`, `last_seen_at`)
SELECT l.`id`, j.`value`, coalesce(l.`last_authorized_at`, l.`updated_at`), coalesce(l.`last_authorized_at`, l.`updated_at`)
FROM `licenses` l, json_each(l.`hwids`) j WHERE true ORDER BY l.`id`, j.`key`
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO `license_ips` (`license_id`, `ip`, `first_seen_at`, `last_seen_at`)
SELECT l.`id`, j.`value`, coalesce(l.`last_authorized_at`, l.`updated_at`), coalesce(l.`last_authorized_at`, l.`updated_at`)
FROM `licenses` l, json_each(l.`ips`) j WHERE true ORDER BY l.`id`, j.`key`
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE `licenses` DROP COLUMN `hwids`;--> statement-breakpoint
ALTER TABLE `licenses` DROP COLUMN `ips`;