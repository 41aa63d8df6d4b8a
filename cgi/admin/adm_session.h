/* adm_session.h: back-office handlers of the session pages */
#ifndef MALL_ADM_SESSION_H
#define MALL_ADM_SESSION_H
#include "admin.h"

#endif
