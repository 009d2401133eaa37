CREATE TABLE `families` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text,
	`address` text NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`gmina` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`assistant_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`assistant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `families_assistant_idx` ON `families` (`assistant_id`);--> statement-breakpoint
CREATE INDEX `families_case_idx` ON `families` (`case_number`);--> statement-breakpoint
CREATE TABLE `family_members` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`last_name_folded` text NOT NULL,
	`pesel` text,
	`birth_date` text NOT NULL,
	`sex` text,
	`relation` text NOT NULL,
	`is_child` integer NOT NULL,
	`is_head` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `members_family_idx` ON `family_members` (`family_id`);--> statement-breakpoint
CREATE INDEX `members_surname_idx` ON `family_members` (`last_name_folded`);--> statement-breakpoint
CREATE INDEX `members_pesel_idx` ON `family_members` (`pesel`);