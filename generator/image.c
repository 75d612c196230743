/* image.c: decoding and checking PNG and JPEG files. The only file that
 * includes png.h and jpeglib.h. libpng's simplified API reads every PNG
 * flavour (palette, grey, alpha, 16-bit, interlaced) into 8-bit RGBA and
 * reports errors instead of aborting; libjpeg gets an error handler that
 * jumps back, and its warnings (a truncated file) count as errors. */
#define _GNU_SOURCE     /* strcasestr */
#include "image.h"
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file of an image set, known by device and inode, so that two
 * spellings of one path are one file. */
struct sm_image_file {
	dev_t dev;
	ino_t ino;
	struct sm_image *image;     /* NULL: it could not be read */
};

static int too_large(int w, int h, const char *file, const struct sm_pos *pos)
{
	if (w > SM_IMAGE_MAX_SIDE || h > SM_IMAGE_MAX_SIDE || (long long)w * h > SM_IMAGE_MAX_PIXELS) {
		sm_diag(SM_MSG_image_limit, pos, file, w, h, SM_IMAGE_MAX_SIDE, SM_IMAGE_MAX_PIXELS / 1000000);
		return 1;
	}
	return 0;
}

/* libpng's simplified API tells of a failed allocation only in its
 * message ("Out of memory", "out of memory"): that is no broken image. */
static void png_check_memory(const png_image *png)
{
	if (strcasestr(png->message, "out of memory"))
		sm_oom();
}

static struct sm_image *load_png(struct sm_arena *a, const char *path, const unsigned char *buf, size_t len,
				 const struct sm_pos *pos)
{
	png_image png;
	memset(&png, 0, sizeof png);
	png.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&png, buf, len)) {
		png_check_memory(&png);
		sm_diag(SM_MSG_image_invalid, pos, path, png.message);
		return NULL;
	}
	if (too_large((int)png.width, (int)png.height, path, pos)) {
		png_image_free(&png);
		return NULL;
	}
	struct sm_image *img = sm_arena_alloc(a, sizeof *img);
	img->path = path;
	img->w = (int)png.width;
	img->h = (int)png.height;
	size_t n = (size_t)img->w * (size_t)img->h;
	/* Opaque images straight into RGB; with alpha through RGBA, split
	 * below. Transparent pixels over white, the colour of the page. */
	int alpha = png.format & PNG_FORMAT_FLAG_ALPHA;
	png.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	unsigned char *px = alpha ? sm_xmalloc(n * 4) : sm_arena_alloc(a, n * 3);
	png_color white = { 255, 255, 255 };
	if (!png_image_finish_read(&png, &white, px, 0, NULL)) {
		png_check_memory(&png);
		sm_diag(SM_MSG_image_invalid, pos, path, png.message);
		if (alpha)
			free(px);
		png_image_free(&png);
		return NULL;
	}
	if (!alpha) {
		img->rgb = px;
		return img;
	}
	img->rgb = sm_arena_alloc(a, n * 3);
	int opaque = 1;
	for (size_t i = 0; i < n; i++) {
		memcpy(img->rgb + 3 * i, px + 4 * i, 3);
		opaque &= px[4 * i + 3] == 255;
	}
	if (!opaque) {
		img->alpha = sm_arena_alloc(a, n);
		for (size_t i = 0; i < n; i++)
			img->alpha[i] = px[4 * i + 3];
	}
	free(px);
	return img;
}

struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
};

static void jpeg_fail(j_common_ptr cinfo)
{
	struct jpeg_err *e = (struct jpeg_err *)cinfo->err;
	(*cinfo->err->format_message)(cinfo, e->message);
	longjmp(e->jump, 1);
}

/* A warning (such as "Premature end of JPEG file") is a broken image. */
static void jpeg_warn(j_common_ptr cinfo, int level)
{
	if (level < 0)
		jpeg_fail(cinfo);
}

static struct sm_image *load_jpeg(struct sm_arena *a, const char *path, const unsigned char *buf, size_t len,
				  const struct sm_pos *pos)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_err err;
	unsigned char *volatile pixels = NULL;
	cinfo.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_warn;
	if (setjmp(err.jump)) {
		if (err.mgr.msg_code == JERR_OUT_OF_MEMORY)
			sm_oom();
		sm_diag(SM_MSG_image_invalid, pos, path, err.message);
		jpeg_destroy_decompress(&cinfo);
		free(pixels);
		return NULL;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, buf, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	if (too_large((int)cinfo.image_width, (int)cinfo.image_height, path, pos)) {
		jpeg_destroy_decompress(&cinfo);
		return NULL;
	}
	int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
	cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	jpeg_start_decompress(&cinfo);
	int comps = cinfo.output_components;
	size_t w = cinfo.output_width, h = cinfo.output_height;
	pixels = sm_xmalloc(w * h * (size_t)comps);
	while (cinfo.output_scanline < cinfo.output_height) {
		unsigned char *row = pixels + (size_t)cinfo.output_scanline * w * (size_t)comps;
		jpeg_read_scanlines(&cinfo, &row, 1);
	}
	int adobe = cinfo.saw_Adobe_marker;
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	struct sm_image *img = sm_arena_alloc(a, sizeof *img);
	img->path = path;
	img->w = (int)w;
	img->h = (int)h;
	img->photo = 1;
	img->rgb = sm_arena_alloc(a, w * h * 3);
	for (size_t i = 0; i < w * h; i++) {
		if (comps == 4) {
			/* Adobe writes CMYK inverted. */
			double c = pixels[4 * i], m = pixels[4 * i + 1], y = pixels[4 * i + 2], k = pixels[4 * i + 3];
			if (!adobe) {
				c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
			}
			img->rgb[3 * i] = (unsigned char)(c * k / 255);
			img->rgb[3 * i + 1] = (unsigned char)(m * k / 255);
			img->rgb[3 * i + 2] = (unsigned char)(y * k / 255);
		} else {
			memcpy(img->rgb + 3 * i, pixels + 3 * i, 3);
		}
	}
	free(pixels);
	return img;
}

static struct sm_image *decode(struct sm_arena *a, const char *path, const unsigned char *buf, size_t len,
			       const struct sm_pos *pos)
{
	if (len >= 8 && !memcmp(buf, "\x89PNG\r\n\x1a\n", 8))
		return load_png(a, path, buf, len, pos);
	if (len >= 3 && buf[0] == 0xFF && buf[1] == 0xD8 && buf[2] == 0xFF)
		return load_jpeg(a, path, buf, len, pos);
	sm_diag(SM_MSG_image_format, pos, path);
	return NULL;
}

struct sm_image *sm_image_load(struct sm_arena *a, struct sm_image_set *set, const struct sm_dir *in,
			       const char *path, const struct sm_pos *pos)
{
	/* The file is known by the descriptor opened below its folder, so the
	 * one identified is the one read. */
	int fd = sm_open_file(in, path, pos);
	struct stat st;
	if (fd < 0)
		return NULL;
	if (set && !fstat(fd, &st))
		for (int i = 0; i < set->n; i++)
			if (set->v[i].dev == st.st_dev && set->v[i].ino == st.st_ino) {
				close(fd);
				return set->v[i].image;
			}
	size_t len;
	const unsigned char *buf = (const unsigned char *)sm_read_fd(a, fd, path, &len, pos);
	struct sm_image *img = buf ? decode(a, path, buf, len, pos) : NULL;
	if (set && buf) {
		struct sm_image_file f = { st.st_dev, st.st_ino, img };
		SM_PUSH(a, set->v, set->n, set->cap, f);
	}
	return img;
}

/* Area-average downsampling of one channel set. */
static unsigned char *shrink(struct sm_arena *a, const unsigned char *src, int w, int h, int ch, int nw, int nh)
{
	unsigned char *dst = sm_arena_alloc(a, (size_t)nw * (size_t)nh * (size_t)ch);
	double fx = (double)w / nw, fy = (double)h / nh;
	for (int y = 0; y < nh; y++) {
		int y0 = (int)(y * fy), y1 = (int)((y + 1) * fy);
		if (y1 <= y0)
			y1 = y0 + 1;
		if (y1 > h)
			y1 = h;
		for (int x = 0; x < nw; x++) {
			int x0 = (int)(x * fx), x1 = (int)((x + 1) * fx);
			if (x1 <= x0)
				x1 = x0 + 1;
			if (x1 > w)
				x1 = w;
			for (int c = 0; c < ch; c++) {
				unsigned long sum = 0;
				for (int yy = y0; yy < y1; yy++)
					for (int xx = x0; xx < x1; xx++)
						sum += src[((size_t)yy * (size_t)w + (size_t)xx) * (size_t)ch + (size_t)c];
				dst[((size_t)y * (size_t)nw + (size_t)x) * (size_t)ch + (size_t)c] =
					(unsigned char)(sum / (unsigned long)((y1 - y0) * (x1 - x0)));
			}
		}
	}
	return dst;
}

static void encode_jpeg(struct sm_image *img, struct sm_arena *a)
{
	struct jpeg_compress_struct cinfo;
	struct jpeg_err err;
	unsigned char *out = NULL;
	unsigned long outlen = 0;
	cinfo.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	if (setjmp(err.jump)) {
		jpeg_destroy_compress(&cinfo);
		free(out);
		return;      /* embedded uncompressed instead */
	}
	jpeg_create_compress(&cinfo);
	jpeg_mem_dest(&cinfo, &out, &outlen);
	cinfo.image_width = (JDIMENSION)img->w;
	cinfo.image_height = (JDIMENSION)img->h;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, 85, TRUE);
	jpeg_start_compress(&cinfo, TRUE);
	while (cinfo.next_scanline < cinfo.image_height) {
		unsigned char *row = img->rgb + (size_t)cinfo.next_scanline * (size_t)img->w * 3;
		jpeg_write_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	img->jpeg = sm_arena_alloc(a, outlen);
	memcpy(img->jpeg, out, outlen);
	img->jpeg_len = outlen;
	free(out);
}

void sm_image_fit(struct sm_arena *a, struct sm_image *img, double w_pt, double h_pt)
{
	const double dpi = 220;
	int nw = (int)(w_pt / 72 * dpi + 0.5), nh = (int)(h_pt / 72 * dpi + 0.5);
	if (nw >= 1 && nh >= 1 && nw < img->w && nh < img->h) {
		img->rgb = shrink(a, img->rgb, img->w, img->h, 3, nw, nh);
		if (img->alpha)
			img->alpha = shrink(a, img->alpha, img->w, img->h, 1, nw, nh);
		img->w = nw;
		img->h = nh;
	}
	if (img->photo && !img->alpha && !img->jpeg)
		encode_jpeg(img, a);
}
