CREATE TABLE `request_nonces` (
	`scope` text NOT NULL,
	`nonce` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `nonce`)
);
--> statement-breakpoint
CREATE INDEX `request_nonces_expires_idx` ON `request_nonces` (`expires_at`);