CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_login` text,
	`user_name` text,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`details` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_number_pattern` text NOT NULL,
	`monitoring_counts` integer DEFAULT false NOT NULL,
	`area_scoping` integer DEFAULT false NOT NULL,
	`assessment_due_days` integer DEFAULT 30 NOT NULL,
	`plan_due_days` integer DEFAULT 30 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`track` text NOT NULL,
	`source` text NOT NULL,
	`state` text NOT NULL,
	`case_number` text NOT NULL,
	`seq_year` integer NOT NULL,
	`seq_no` integer NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`learned_on` text,
	`interview_due_on` text,
	`interview_on` text,
	`care_difficulties_found` integer,
	`request_on` text,
	`court_order` text,
	`decision` text,
	`decided_on` text,
	`decided_by` text,
	`forwarded_to` text,
	`assistant_id` text,
	`assigned_on` text,
	`consent_basis` text,
	`consent_on` text,
	`closed_on` text,
	`closure_reason` text,
	`zz_category` text,
	`received_on` text,
	`zz_documents` text,
	`verified_on` text,
	`details` text,
	`referred_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assistant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referred_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cases_family_idx` ON `cases` (`family_id`);--> statement-breakpoint
CREATE INDEX `cases_state_idx` ON `cases` (`state`);--> statement-breakpoint
CREATE INDEX `cases_assistant_idx` ON `cases` (`assistant_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_uq` ON `cases` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_seq_uq` ON `cases` (`seq_year`,`seq_no`);--> statement-breakpoint
CREATE TABLE `supporting_families` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`family_id` text NOT NULL,
	`assistant_id` text,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`place` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`relation_to_child` text NOT NULL,
	`members` text NOT NULL,
	`conviction_statement_on` text,
	`head_opinion` text,
	`status` text NOT NULL,
	`act` text,
	`contract` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assistant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supporting_case_idx` ON `supporting_families` (`case_id`);--> statement-breakpoint
CREATE INDEX `supporting_family_idx` ON `supporting_families` (`family_id`);--> statement-breakpoint
CREATE TABLE `supporting_reimbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`supporting_family_id` text NOT NULL,
	`paid_on` text NOT NULL,
	`amount_gr` integer NOT NULL,
	`description` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`supporting_family_id`) REFERENCES `supporting_families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reimbursements_sf_idx` ON `supporting_reimbursements` (`supporting_family_id`);--> statement-breakpoint
ALTER TABLE `families` ADD `area` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `parental_authority` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `court_supervision` text;--> statement-breakpoint
ALTER TABLE `families` ADD `nk_active` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `niebieska_karta` text;--> statement-breakpoint
ALTER TABLE `families` ADD `safety_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `families` ADD `created_by` text;--> statement-breakpoint
CREATE INDEX `families_sort_idx` ON `families` (`sort_name`);--> statement-breakpoint
CREATE INDEX `families_area_idx` ON `families` (`area`);--> statement-breakpoint
ALTER TABLE `family_members` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `family_members` ADD `placement` text;--> statement-breakpoint
CREATE INDEX `members_surname_birth_idx` ON `family_members` (`last_name_folded`,`birth_date`);--> statement-breakpoint
ALTER TABLE `users` ADD `area` text;--> statement-breakpoint
UPDATE `families` SET `sort_name` = coalesce((SELECT m.`last_name_folded` || ' ' || lower(m.`first_name`) FROM `family_members` m WHERE m.`family_id` = `families`.`id` ORDER BY m.`is_head` DESC, m.`sort_order` LIMIT 1), '');
