CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`kind` text NOT NULL,
	`assessed_on` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`areas` text NOT NULL,
	`body` text NOT NULL,
	`recommendation` text,
	`distribution` text,
	`author_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_case_idx` ON `assessments` (`case_id`,`assessed_on`);--> statement-breakpoint
CREATE TABLE `authorisations` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`grantors` text NOT NULL,
	`grantee_id` text NOT NULL,
	`scope` text NOT NULL,
	`signed_on` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`revoked_on` text,
	`revocation_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grantee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `authorisations_family_idx` ON `authorisations` (`family_id`);--> statement-breakpoint
CREATE TABLE `case_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`minutes` integer DEFAULT 0 NOT NULL,
	`km_tenths` integer DEFAULT 0 NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`author_name` text,
	`recorded_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entries_case_idx` ON `case_entries` (`case_id`,`on_date`);--> statement-breakpoint
CREATE INDEX `entries_kind_idx` ON `case_entries` (`kind`,`case_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `catalogue_items` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`area` text NOT NULL,
	`title` text NOT NULL,
	`provider` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`cost` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`on_behalf` integer DEFAULT false NOT NULL,
	`applied_on` text,
	`authorisation_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `catalogue_case_idx` ON `catalogue_items` (`case_id`);--> statement-breakpoint
CREATE TABLE `court_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`court` text NOT NULL,
	`department` text DEFAULT '' NOT NULL,
	`case_ref` text NOT NULL,
	`requested_on` text NOT NULL,
	`delivered_on` text,
	`term_days` integer,
	`fixed_due_on` text,
	`due_on` text,
	`submitted_on` text,
	`scope` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `court_requests_case_idx` ON `court_requests` (`case_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`user_id` text NOT NULL,
	`form_key` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_user_form_uq` ON `drafts` (`user_id`,`form_key`);--> statement-breakpoint
CREATE TABLE `entry_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`case_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `addenda_target_idx` ON `entry_addenda` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `statistics_filed` (
	`period` text PRIMARY KEY NOT NULL,
	`filed_on` text NOT NULL,
	`filed_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `work_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`version_no` integer NOT NULL,
	`drawn_up_on` text NOT NULL,
	`content` text NOT NULL,
	`change_note` text DEFAULT '' NOT NULL,
	`diff` text,
	`author_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_plans_case_version_uq` ON `work_plans` (`case_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `work_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`entry_lock_days` integer DEFAULT 7 NOT NULL,
	`monitoring_months` integer DEFAULT 3 NOT NULL,
	`max_days_between_visits` integer DEFAULT 14 NOT NULL,
	`visit_gap_reminder_days` integer DEFAULT 3 NOT NULL,
	`first_assessment_from` text DEFAULT 'assignment' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `monitoring_ends_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `previous_case_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `suspension` text;