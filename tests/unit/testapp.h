/* testapp.h: a small route table exercising every central check of the request core */
#ifndef MALL_TEST_APP_H
#define MALL_TEST_APP_H
#include "app.h"

const app *test_app(void);
/* Principal id the test load_user treats as frozen (no longer allowed). */
#define TEST_FROZEN_ID 999

#endif
