/* adm_monitor.h: back-office handlers of the live monitoring wall (F1) — desk/phone page, wall, CSV, alerts */
#ifndef MALL_ADM_MONITOR_H
#define MALL_ADM_MONITOR_H
#include "admin.h"

#define ROLES_MONITOR_VIEW "super,ops,monitor" /* monitor: the client's read-only representatives */
#define ROLES_MONITOR_EDIT "super,ops"

/* monitor.c */
NEOERR *h_adm_monitor(req *r);
NEOERR *h_adm_monitor_wall(req *r);
NEOERR *h_adm_monitor_csv(req *r);
/* monitor_alerts.c */
NEOERR *h_adm_monitor_settings(req *r);
NEOERR *h_adm_monitor_settings_save(req *r);
NEOERR *h_adm_monitor_ack(req *r);

#endif
