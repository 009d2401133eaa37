CREATE TABLE `user_display_prefs` (
	`user_id` text PRIMARY KEY NOT NULL,
	`text_size` text NOT NULL,
	`contrast` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
