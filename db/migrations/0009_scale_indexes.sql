CREATE TABLE `family_search_ids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_id` text NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `family_search_ids_family_uq` ON `family_search_ids` (`family_id`);--> statement-breakpoint
CREATE INDEX `case_events_report_idx` ON `case_events` (`case_id`,`id`,`from_state`,`to_state`,`at`,("details" ->> '$.decidedOn'),("details" ->> '$.on')) WHERE "case_events"."to_state" IN ('LISTA_OCZEKUJACYCH', 'ARCHIWUM') OR "case_events"."from_state" = 'LISTA_OCZEKUJACYCH';--> statement-breakpoint
CREATE INDEX `cases_report_idx` ON `cases` (`id`,`family_id`,`track`,`source`,`state`,`assistant_id`,`assigned_on`,`consent_on`,`closed_on`,`closure_reason`,`monitoring_ends_on`,`consent_basis`,("court_order" IS NOT NULL));--> statement-breakpoint
CREATE INDEX `members_children_report_idx` ON `family_members` (`is_child`,`family_id`,`id`,`birth_date`,`placement`) WHERE "family_members"."is_child" = 1;