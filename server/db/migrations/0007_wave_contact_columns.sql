ALTER TABLE `waves` ADD `contact_columns` text;--> statement-breakpoint
-- Waves whose contacts were imported before: their columns, as the contact import now keeps them.
UPDATE `waves` SET `contact_columns` = (
	SELECT json_group_array(`key`) FROM (
		SELECT DISTINCT j.`key` AS `key` FROM `invitations`, json_each(`invitations`.`segments`) AS j
		WHERE `invitations`.`wave_id` = `waves`.`id` ORDER BY j.`key`
	)
) WHERE EXISTS (SELECT 1 FROM `invitations` WHERE `invitations`.`wave_id` = `waves`.`id`);
