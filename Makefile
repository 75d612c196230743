# sociale-monitor: plain GNU make.
#   make              install what is missing (Debian), build, render content/ to out/
#   make test         the whole test suite; its last line is "N passed, N failed"
#   make install PREFIX=/usr/local
#   make samples      render every sample project into out/

PREFIX  ?= /usr/local
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=gnu11 -Wall -Wextra -Wno-missing-field-initializers -MMD -MP
# Evaluated when a recipe runs, after `deps` has installed pkg-config and the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags libcmark yaml-0.1 harfbuzz harfbuzz-subset 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs libcmark yaml-0.1 harfbuzz harfbuzz-subset 2>/dev/null)
LDLIBS  = $(PKG_LIBS) -lhpdf -lcsv -lpng -ljpeg -lhyphen -lm

# Debian packages: build, the fonts of the shipped layouts, and the tools the tests use.
DEBS = gcc make pkg-config libhpdf-dev libcmark-dev libcsv-dev libyaml-dev libharfbuzz-dev \
       libpng-dev libjpeg-dev libhyphen-dev hyphen-nl fonts-open-sans fonts-lato fonts-liberation2 poppler-utils qpdf

BIN  = build/sociale-monitor
SRCS = $(wildcard generator/*.c)
OBJS = $(SRCS:generator/%.c=build/obj/%.o)
LIB_OBJS = $(filter-out build/obj/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/*.c)

.PHONY: all deps build render test install samples clean

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
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $(UNIT_SRCS) $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

build/mkimages: tests/tools/mkimages.c | build/.deps-ok
	$(CC) $(CFLAGS) -o $@ $< -lpng -ljpeg

test: deps $(BIN) build/unit-tests build/mkimages
	@bash tests/run.sh

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

clean:
	rm -rf build/obj build/unit-tests build/mkimages $(BIN) build/test

-include $(OBJS:.o=.d)
