-- 034_demo_partners.sql: the demo enterprises, one partner system each with one key pair (I1) — for local use only.
-- The secrets are public (README); `mallctl seed` seals each under this machine's secret.key (secret_enc holds the
-- marker "demo:<secret>" until then). key pk_demo_<x> / secret sk_demo_<x>_local_only.
INSERT IGNORE INTO enterprises (code, name) VALUES
  ('中国移动', '中国移动通信集团'), ('招商银行', '招商银行股份有限公司'), ('中国平安', '中国平安保险(集团)'),
  ('中国联通', '中国联合网络通信集团'), ('中国电信', '中国电信集团');
INSERT INTO partners (id, name, enterprise, rate_per_minute) VALUES
  (1, '中国移动积分中台', '中国移动', 600), (2, '招商银行掌上生活', '招商银行', 600), (3, '平安万里通', '中国平安', 600),
  (4, '联通积分平台', '中国联通', 600), (5, '电信积分平台', '中国电信', 600);
INSERT INTO partner_keys (key_id, partner_id, secret_enc) VALUES
  ('pk_demo_cmcc', 1, 'demo:sk_demo_cmcc_local_only'), ('pk_demo_cmb', 2, 'demo:sk_demo_cmb_local_only'),
  ('pk_demo_pingan', 3, 'demo:sk_demo_pingan_local_only'), ('pk_demo_unicom', 4, 'demo:sk_demo_unicom_local_only'),
  ('pk_demo_telecom', 5, 'demo:sk_demo_telecom_local_only');
-- The enterprises' own ids of their demo members.
UPDATE members SET ext_id = CONCAT('CM', LPAD(id, 6, '0')) WHERE enterprise = '中国移动';
UPDATE members SET ext_id = CONCAT('CMB', LPAD(id, 6, '0')) WHERE enterprise = '招商银行';
