-- Family search index (issue 17, scale headroom): the words of families.search_text (surnames,
-- address, place, case numbers — already folded by shared/text.ts foldPolish) in an FTS5 index,
-- so a search is an index lookup instead of a scan of every family. `unicode61 remove_diacritics 2`
-- folds any diacritic the text still has; ł is folded by foldPolish (Unicode does not decompose it).
-- The index is contentless (no second copy of the text); its rowids are family_search_ids.id
-- (migration 0009), which VACUUM keeps. A migration that rebuilds `families` must recreate the
-- three triggers below (DROP TABLE drops them); tests/integration/audit-and-migrations.test.ts checks.
CREATE VIRTUAL TABLE `family_search` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `family_search_ids` (`family_id`) SELECT `id` FROM `families` ORDER BY `rowid`;
--> statement-breakpoint
INSERT INTO `family_search` (`rowid`, `body`) SELECT s.`id`, f.`search_text` FROM `family_search_ids` s JOIN `families` f ON f.`id` = s.`family_id`;
--> statement-breakpoint
CREATE TRIGGER `family_search_ai` AFTER INSERT ON `families` BEGIN
	INSERT INTO `family_search_ids` (`family_id`) VALUES (new.`id`);
	INSERT INTO `family_search` (`rowid`, `body`) VALUES (last_insert_rowid(), new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `family_search_au` AFTER UPDATE OF `search_text` ON `families` BEGIN
	DELETE FROM `family_search` WHERE `rowid` = (SELECT `id` FROM `family_search_ids` WHERE `family_id` = old.`id`);
	INSERT INTO `family_search` (`rowid`, `body`) SELECT `id`, new.`search_text` FROM `family_search_ids` WHERE `family_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `family_search_ad` AFTER DELETE ON `families` BEGIN
	DELETE FROM `family_search` WHERE `rowid` = (SELECT `id` FROM `family_search_ids` WHERE `family_id` = old.`id`);
	DELETE FROM `family_search_ids` WHERE `family_id` = old.`id`;
END;
