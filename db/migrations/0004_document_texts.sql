CREATE TABLE `document_texts` (
	`key` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
