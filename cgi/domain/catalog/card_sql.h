/* card_sql.h: SQL fragments of a product card, shared by the storefront reads (catalog.c, product_list.c) */
#ifndef MALL_CARD_SQL_H
#define MALL_CARD_SQL_H

/* Text columns come in _zh/_en pairs: English when asked for and present, Chinese otherwise.
 * Each use binds the language once (the first ? of the statement). */
#define TR(col, alias) "IF(? = 'en' AND " col "_en <> '', " col "_en, " col "_zh) AS " alias
#define CASH                                                                                                           \
  "IF(p.cash_price_fen > 0, CONCAT(p.cash_price_fen DIV 100, '.', LPAD(p.cash_price_fen MOD 100, 2, '0')), NULL)"
#define CARD                                                                                                           \
  "SELECT p.id, " TR("p.name", "name") ", p.image, p.points_price AS points, " CASH " AS cash, p.sales, p.stock "

#endif
