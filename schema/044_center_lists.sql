-- 044_center_lists.sql: the member center's lists and a product's reviews read only the page they show (README
-- "Lists"): each list reads one index newest first; a product's rating is kept as it changes instead of averaged.
-- (Reviews and questions have their by_member (member_id, id) since 007.)
-- The unread count reads only the unread rows of one member.
ALTER TABLE inbox ADD KEY by_member_unread (member_id, read_at);
-- Favorites get an ever-growing id (the keyset cursor), numbered in the order they were saved.
ALTER TABLE favorites ADD COLUMN id BIGINT NOT NULL DEFAULT 0;
SET @fav := 0;
UPDATE favorites SET id = (@fav := @fav + 1) ORDER BY created_at, member_id, product_id;
ALTER TABLE favorites MODIFY id BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY fav_id (id),
  ADD KEY by_member_id (member_id, id);
-- A product's approved reviews, counted and summed by triggers in the writing transaction, so the product page reads
-- one row however many reviews it has (whichever statement or tool changes a review).
CREATE TABLE product_ratings (
  product_id BIGINT NOT NULL PRIMARY KEY,
  approved INT NOT NULL DEFAULT 0,
  score_sum BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;
INSERT INTO product_ratings (product_id, approved, score_sum)
  SELECT product_id, COUNT(*), SUM(score) FROM reviews WHERE status = 'approved' GROUP BY product_id;
CREATE TRIGGER reviews_rating_insert AFTER INSERT ON reviews FOR EACH ROW
  IF NEW.status = 'approved' THEN
    INSERT INTO product_ratings (product_id, approved, score_sum) VALUES (NEW.product_id, 1, NEW.score)
      ON DUPLICATE KEY UPDATE approved = approved + 1, score_sum = score_sum + NEW.score;
  END IF;
CREATE TRIGGER reviews_rating_update AFTER UPDATE ON reviews FOR EACH ROW BEGIN
  IF OLD.status = 'approved' THEN
    UPDATE product_ratings SET approved = approved - 1, score_sum = score_sum - OLD.score
      WHERE product_id = OLD.product_id;
  END IF;
  IF NEW.status = 'approved' THEN
    INSERT INTO product_ratings (product_id, approved, score_sum) VALUES (NEW.product_id, 1, NEW.score)
      ON DUPLICATE KEY UPDATE approved = approved + 1, score_sum = score_sum + NEW.score;
  END IF;
END;
CREATE TRIGGER reviews_rating_delete AFTER DELETE ON reviews FOR EACH ROW
  IF OLD.status = 'approved' THEN
    UPDATE product_ratings SET approved = approved - 1, score_sum = score_sum - OLD.score
      WHERE product_id = OLD.product_id;
  END IF;
