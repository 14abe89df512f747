DROP INDEX `alerts_digest_idx`;--> statement-breakpoint
CREATE INDEX `alerts_waiting_idx` ON `alerts` (`via_digest`,`digest_id`,`owner_email`);