CREATE TABLE `staff_register` (
	`user_id` text PRIMARY KEY NOT NULL,
	`salutation` text,
	`position` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`name_forms` text,
	`employment_form` text,
	`task_based_time` integer DEFAULT false NOT NULL,
	`fte` real,
	`employed_from` text,
	`employed_to` text,
	`qualification` text,
	`declarations` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `court_requests` ADD `opinion` text;--> statement-breakpoint
ALTER TABLE `family_members` ADD `name_forms` text;--> statement-breakpoint
-- The assistants' form of employment moves from the report settings into the staff register.
INSERT INTO `staff_register` (`user_id`, `employment_form`, `task_based_time`, `updated_at`, `updated_by`)
SELECT j.key,
       CASE WHEN json_extract(j.value, '$.form') IN ('employment-contract', 'service-contract') THEN json_extract(j.value, '$.form') END,
       CASE WHEN json_extract(j.value, '$.form') = 'employment-contract' AND json_extract(j.value, '$.taskBasedTime') THEN 1 ELSE 0 END,
       s.updated_at,
       s.updated_by
  FROM `office_settings` s, json_each(s.value) j
 WHERE s.key = 'report.staff' AND json_valid(s.value) AND j.key IN (SELECT id FROM `users`);
--> statement-breakpoint
DELETE FROM `office_settings` WHERE key = 'report.staff';
