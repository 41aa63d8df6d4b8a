-- 007_member_center.sql: indexes for the member center's "my reviews / my consultations" lists
ALTER TABLE reviews ADD KEY by_member (member_id, id);
ALTER TABLE consultations ADD KEY by_member (member_id, id);
