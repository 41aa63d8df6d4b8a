-- 026_post_replays.sql: pages a POST rendered (a form with its errors, a step's result), kept for the one GET that
-- the POST's 303 sends the browser to (POST/redirect/GET). Keyed by the hash of a random cookie; rows live minutes.
CREATE TABLE post_replays (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  url VARCHAR(1024) NOT NULL,
  user_id BIGINT NOT NULL, -- who it was rendered for (0: nobody signed in); served to no one else
  status SMALLINT NOT NULL,
  page MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY by_age (created_at)
) ENGINE=InnoDB;
