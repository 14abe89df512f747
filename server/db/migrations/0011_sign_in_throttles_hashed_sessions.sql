CREATE TABLE `sign_in_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failed_at` integer NOT NULL,
	`blocked_until` integer NOT NULL
);
--> statement-breakpoint
DROP TABLE `sign_in_failures`;
--> statement-breakpoint
-- Sessions are now stored as SHA-256 hashes of their tokens, and signed with a secret kept
-- outside the database: the raw tokens left here would be bearer credentials in every copy
-- of this file, so everyone signs in once more.
DELETE FROM `sessions`;
