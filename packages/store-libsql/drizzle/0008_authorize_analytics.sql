CREATE TABLE `authorize_outcome_days` (
	`product_id` text NOT NULL,
	`day` integer NOT NULL,
	`outcome` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`product_id`, `day`, `outcome`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `authorized_license_days` (
	`product_id` text NOT NULL,
	`day` integer NOT NULL,
	`licenses` integer NOT NULL,
	PRIMARY KEY(`product_id`, `day`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Hand-written: a license counts once per UTC day it was authorized in, when the
-- write-behind moves its last_authorized_at into a day it was not in yet. In the same
-- statement as the touch, so it is exact with several processes on one database.
CREATE TRIGGER `licenses_count_authorized_day` AFTER UPDATE OF `last_authorized_at` ON `licenses`
WHEN new.`last_authorized_at` IS NOT NULL
  AND (old.`last_authorized_at` IS NULL OR old.`last_authorized_at` < new.`last_authorized_at` - new.`last_authorized_at` % 86400000)
BEGIN
  INSERT INTO `authorized_license_days` (`product_id`, `day`, `licenses`) VALUES (new.`product_id`, new.`last_authorized_at` / 86400000, 1)
  ON CONFLICT (`product_id`, `day`) DO UPDATE SET `licenses` = `licenses` + 1;
END;
