CREATE TABLE `family_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`user_id` text NOT NULL,
	`from_on` text NOT NULL,
	`until_on` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`granted_by` text,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `family_shares_user_idx` ON `family_shares` (`user_id`,`until_on`);--> statement-breakpoint
CREATE INDEX `family_shares_family_idx` ON `family_shares` (`family_id`);--> statement-breakpoint
CREATE TABLE `office_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`by_user` text,
	`case_ids` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `anonymised_on` text;--> statement-breakpoint
ALTER TABLE `families` ADD `anonymised_on` text;--> statement-breakpoint
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` WHEN OLD.`hash` IS NOT NULL OR OLD.`prev_hash` IS NOT NULL OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`user_id` IS NOT OLD.`user_id` OR NEW.`user_login` IS NOT OLD.`user_login` OR NEW.`action` IS NOT OLD.`action` OR NEW.`entity_type` IS NOT OLD.`entity_type` OR NEW.`entity_id` IS NOT OLD.`entity_id` OR NEW.`details` IS NOT OLD.`details` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
