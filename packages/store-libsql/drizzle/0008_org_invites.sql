CREATE TABLE `org_invites` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_invites_token_hash_unique` ON `org_invites` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_invites_one_pending_idx` ON `org_invites` (`org_id`,`email`) WHERE "org_invites"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `org_invites_org_idx` ON `org_invites` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `org_invites_email_idx` ON `org_invites` (`email`,`status`);