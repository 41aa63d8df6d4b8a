# Makefile: builds the FastCGI programs and mallctl; run/test/bench drive scripts/.
BUILD ?= build
CC ?= gcc
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
          -I/usr/include/ClearSilver -I/usr/include/mariadb -Icgi/core -Icgi/domain
LDLIBS = -lneo_cgi -lneo_cs -lneo_utl -lfcgi -lmariadb -lscrypt -lcurl -ljansson -lcrypto -lz -lm -lqrencode -lpng -lzip
# The FastCGI programs (and the bench baseline, so it runs like them) allocate with tcmalloc: a page builds and frees
# thousands of small HDF nodes, and glibc's malloc spent ~15% of a page's CPU on them (consolidating the last
# request's frees at the next large allocation); measured on /products uncached: 280 -> 220 us per request.
# Unit tests keep glibc's malloc, which valgrind checks.
SERVER_LDLIBS = $(LDLIBS) -ltcmalloc_minimal

CORE_SRC := $(wildcard cgi/core/*.c)
DOMAIN_SRC := $(wildcard cgi/domain/*/*.c)
MALL_SRC := $(wildcard cgi/mall/*.c)
ADMIN_SRC := $(wildcard cgi/admin/*.c)
MERCHANT_SRC := $(wildcard cgi/merchant/*.c)
API_SRC := $(wildcard cgi/api/*.c)
TOOLS_SRC := $(wildcard cgi/tools/*.c)
HEADERS := $(wildcard cgi/*/*.h cgi/domain/*/*.h)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
LIB_OBJ := $(call obj,$(CORE_SRC) $(DOMAIN_SRC))

PROGRAMS := $(BUILD)/mall.fcgi $(BUILD)/admin.fcgi $(BUILD)/merchant.fcgi $(BUILD)/api.fcgi $(BUILD)/mallctl \
            $(BUILD)/trivial.fcgi

.PHONY: all deps run test bench cluster-test clean
all: $(PROGRAMS)

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libmall.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/mall.fcgi: $(call obj,$(MALL_SRC)) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(SERVER_LDLIBS)

$(BUILD)/admin.fcgi: $(call obj,$(ADMIN_SRC)) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(SERVER_LDLIBS)

$(BUILD)/merchant.fcgi: $(call obj,$(MERCHANT_SRC)) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(SERVER_LDLIBS)

$(BUILD)/api.fcgi: $(call obj,$(API_SRC)) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(SERVER_LDLIBS)

$(BUILD)/mallctl: $(call obj,$(TOOLS_SRC)) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/trivial.fcgi: $(call obj,cgi/bench/trivial.c) $(BUILD)/libmall.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(SERVER_LDLIBS)

deps:
	@scripts/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/run.sh

test: deps
	@$(MAKE) --no-print-directory all
	@scripts/test.sh

bench: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench.sh

# A 3-node Galera cluster and two app nodes on this machine, the bank test with database nodes killed (not in make test).
cluster-test: deps
	@$(MAKE) --no-print-directory all unit
	@scripts/cluster.sh test

clean:
	rm -rf $(BUILD)

# ---- unit tests (owned by qa): cmocka programs in tests/unit/, run by scripts/test.sh under valgrind ----
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
UNIT_LIB := tests/unit/harness.c tests/unit/testapp.c tests/unit/role_matrix.c
.PHONY: unit
unit: $(UNIT_BIN)

$(BUILD)/tests/%: tests/unit/%.c $(UNIT_LIB) tests/unit/harness.h tests/unit/testapp.h $(BUILD)/libmall.a
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(UNIT_LIB) $(BUILD)/libmall.a $(LDLIBS) -lcmocka -lpthread

# test_admin_roles links the back office's own route table: cgi/admin/*.c compiled without main() (owned by admin-core)
$(BUILD)/tests/test_admin_roles: tests/unit/test_admin_roles.c $(ADMIN_SRC) $(UNIT_LIB) tests/unit/harness.h tests/unit/role_matrix.h $(HEADERS) $(BUILD)/libmall.a
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -DMALL_NO_MAIN -Itests/unit -Icgi/admin -o $@ $< $(ADMIN_SRC) $(UNIT_LIB) $(BUILD)/libmall.a $(LDLIBS) -lcmocka -lpthread

# test_merchant_roles links the merchant portal's own route table: cgi/merchant/*.c compiled without main() (owned by portal)
$(BUILD)/tests/test_merchant_roles: tests/unit/test_merchant_roles.c $(MERCHANT_SRC) $(UNIT_LIB) tests/unit/harness.h tests/unit/role_matrix.h $(HEADERS) $(BUILD)/libmall.a
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -DMALL_NO_MAIN -Itests/unit -Icgi/merchant -o $@ $< $(MERCHANT_SRC) $(UNIT_LIB) $(BUILD)/libmall.a $(LDLIBS) -lcmocka -lpthread
