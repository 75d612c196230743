# sociale-monitor: plain GNU make.
#   make              install what is missing (Debian), build, render content/ to out/
#   make test         the whole test suite; its last line is "N passed, N failed"
#   make install PREFIX=/usr/local
#   make samples      render every sample project into out/
#   make golden       rewrite tests/golden/*.layout after an intended layout change

PREFIX  ?= /usr/local
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=gnu11 -Wall -Wextra -Wno-missing-field-initializers -MMD -MP
# Markdown is read by cmark-gfm (for its footnotes). Never link libcmark as
# well: both define the cmark_ symbols. Its extensions library is not used.
# Evaluated when a recipe runs, after `deps` has installed pkg-config and the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags libcmark-gfm yaml-0.1 harfbuzz harfbuzz-subset fontconfig 2>/dev/null)
PKG_LIBS   = $(filter-out -lcmark-gfm-extensions,$(shell pkg-config --libs libcmark-gfm yaml-0.1 harfbuzz harfbuzz-subset fontconfig 2>/dev/null))
LDLIBS  = $(PKG_LIBS) -lhpdf -lcsv -lpng -ljpeg -ldeflate -lz -lm
# The unit tests also check the hyphenation against libhyphen.
UNIT_LIBS = -lhyphen

# Debian packages: build, the fonts of the shipped layouts, and the tools the tests use.
DEBS = gcc make pkg-config libhpdf-dev libcmark-gfm-dev libcsv-dev libyaml-dev libharfbuzz-dev libfontconfig-dev \
       libpng-dev libjpeg-dev libdeflate-dev libhyphen-dev hyphen-nl wdutch fonts-open-sans fonts-lato fonts-liberation2 poppler-utils qpdf locales-all time python3-swiglpk python3-yaml python3-pikepdf

BIN  = build/sociale-monitor
SRCS = $(wildcard generator/*.c)
OBJS = $(SRCS:generator/%.c=build/obj/%.o)
LIB_OBJS = $(filter-out build/obj/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/*.c)

.PHONY: all deps build render test golden install samples clean check-asan valgrind fuzz

all: deps build render

# Installs what is missing when run as root; otherwise says what to run.
deps: build/.deps-ok
build/.deps-ok: Makefile
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "These Debian packages are missing:$$missing"; \
	    echo "Install them with:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
	@mkdir -p build && touch $@

build: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(LDLIBS)

build/obj/%.o: generator/%.c | build/.deps-ok
	@mkdir -p build/obj
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

render: $(BIN)
	@$(BIN) build content

build/unit-tests: $(UNIT_SRCS) $(LIB_OBJS)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $(UNIT_SRCS) $(LIB_OBJS) $(LDFLAGS) $(LDLIBS) $(UNIT_LIBS)

build/mkimages: tests/tools/mkimages.c | build/.deps-ok
	$(CC) $(CFLAGS) -o $@ $< -lpng -ljpeg

# A test-only engine without secondary suppression, to show that the
# privacy audit catches what that stage prevents; never installed.
NOSEC_BIN = build/test/sociale-monitor-nosecondary
$(NOSEC_BIN): $(filter-out build/obj/calc.o,$(OBJS)) generator/calc.c
	@mkdir -p build/test
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -DSM_TEST_NO_SECONDARY -c -o build/test/calc-nosecondary.o generator/calc.c
	$(CC) $(CFLAGS) -o $@ $(filter-out build/obj/calc.o,$(OBJS)) build/test/calc-nosecondary.o $(LDFLAGS) $(LDLIBS)

test: deps $(BIN) $(NOSEC_BIN) build/unit-tests build/mkimages
	@bash tests/run.sh

# Rewrites the golden layout files (tests/golden/*.layout) after an intended
# layout change; review the diff in git before committing it.
golden: $(BIN)
	@bash tests/golden/regen.sh $(BIN)

SHARE = $(DESTDIR)$(PREFIX)/share/sociale-monitor

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/layouts $(SHARE)/fonts
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/sociale-monitor
	install -m 644 layouts/*.yaml layouts/*.png layouts/README.md $(SHARE)/layouts/
	install -m 644 fonts/README.md $(SHARE)/fonts/
	rm -rf $(SHARE)/samples/starter && install -d $(SHARE)/samples
	cp -r samples/starter $(SHARE)/samples/starter

# Every sample under every shipped layout, into out/.
samples: $(BIN)
	@for s in samples/*/; do n=$$(basename $$s); \
	  for l in standaard stad zwartwit; do \
	    $(BIN) build $$s --layout $$l -o out/samples/$$n-$$l.pdf || exit 1; \
	  done; done

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer:
# any report makes the program exit 99, which no test expects.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_OBJS = $(SRCS:generator/%.c=build/asan/obj/%.o)

build/asan/obj/%.o: generator/%.c | build/.deps-ok
	@mkdir -p build/asan/obj
	$(CC) -std=gnu11 -Wall -Wextra -Wno-missing-field-initializers -MMD -MP $(ASAN_FLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/asan/sociale-monitor: $(ASAN_OBJS)
	$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)

build/asan/unit-tests: $(UNIT_SRCS) $(filter-out build/asan/obj/main.o,$(ASAN_OBJS))
	$(CC) -std=gnu11 $(ASAN_FLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $(UNIT_SRCS) \
		$(filter-out build/asan/obj/main.o,$(ASAN_OBJS)) $(LDLIBS) $(UNIT_LIBS)

check-asan: deps build/asan/sociale-monitor build/asan/unit-tests build/mkimages $(BIN) $(NOSEC_BIN)
	@ASAN_OPTIONS=exitcode=99:detect_leaks=1 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1 \
	  BIN=build/asan/sociale-monitor UNIT=build/asan/unit-tests bash tests/run.sh

# The end-to-end tests with the engine under valgrind.
valgrind: deps $(BIN) $(NOSEC_BIN) build/unit-tests build/mkimages
	@command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install -y valgrind"; exit 1; }
	@BIN=tests/valgrind-wrap.sh bash tests/run.sh

# Fuzzing with clang's libFuzzer: each target for FUZZ_SECONDS, seeded from
# the projects in the repository. Crashes land in build/fuzz/crashes/.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS = yaml md csv layout pipeline

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/project.c $(filter-out generator/main.c,$(SRCS)) | build/.deps-ok
	@mkdir -p build/fuzz
	$(FUZZ_CC) -std=gnu11 $(FUZZ_FLAGS) $(PKG_CFLAGS) -Igenerator -Itests/fuzz -o $@ $< tests/fuzz/project.c \
		$(filter-out generator/main.c,$(SRCS)) $(LDLIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@rm -rf build/fuzz/seed && tests/fuzz/seed.sh build/fuzz/seed
	@mkdir -p build/fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/crashes/$$t- -print_final_stats=1 \
	    build/fuzz/corpus/$$t build/fuzz/seed/$$t 2>&1 | grep -E '^(==|#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss|.*ERROR|SUMMARY)' ; \
	done; \
	if ls build/fuzz/crashes/* >/dev/null 2>&1; then echo "fuzz: crashes found in build/fuzz/crashes"; exit 1; fi

clean:
	rm -rf build/obj build/unit-tests build/mkimages $(BIN) build/test build/asan build/fuzz

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d)
