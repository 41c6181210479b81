CREATE TABLE `idempotency_records` (
	`id` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`claim_id` text NOT NULL,
	`status` integer,
	`body` text,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotency_records_expires_idx` ON `idempotency_records` (`expires_at`);--> statement-breakpoint
CREATE TABLE `rate_limit_buckets` (
	`bucket` text PRIMARY KEY NOT NULL,
	`tat_us` integer NOT NULL,
	`last_allowed` integer NOT NULL
);
