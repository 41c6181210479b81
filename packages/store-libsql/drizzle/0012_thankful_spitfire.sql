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
