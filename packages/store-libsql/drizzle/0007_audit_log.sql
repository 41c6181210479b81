CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`at_ms` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`product_id` text,
	`ip` text,
	`request_id` text NOT NULL,
	`changes` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_org_seq_idx` ON `audit_log` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_org_resource_idx` ON `audit_log` (`org_id`,`resource_type`,`resource_id`);--> statement-breakpoint
CREATE INDEX `audit_log_org_actor_idx` ON `audit_log` (`org_id`,`actor_id`);