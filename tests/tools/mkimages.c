/* mkimages: writes test images of every flavour the engine must read, and
 * broken ones it must refuse, into a folder. Used by the tests, so that no
 * binary fixtures live in the repository.
 *   mkimages DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <png.h>

enum { W = 240, H = 160 };

/* A recognisable picture: a horizontal gradient from house green to
 * orange, with a darker band in the middle. */
static void pixel(int x, int y, unsigned char rgb[3])
{
	double t = (double)x / (W - 1);
	rgb[0] = (unsigned char)(0x00 + t * 0xf2);
	rgb[1] = (unsigned char)(0x66 + t * (0x91 - 0x66));
	rgb[2] = (unsigned char)(0x4f - t * 0x4f);
	if (y > H / 3 && y < 2 * H / 3)
		for (int c = 0; c < 3; c++)
			rgb[c] = (unsigned char)(rgb[c] * 0.6);
}

static int write_png(const char *path, int color_type, int depth, int interlace)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	if (setjmp(png_jmpbuf(png))) {
		fclose(f);
		return -1;
	}
	png_init_io(png, f);
	png_set_IHDR(png, info, W, H, depth, color_type, interlace, PNG_COMPRESSION_TYPE_DEFAULT,
		     PNG_FILTER_TYPE_DEFAULT);
	if (color_type == PNG_COLOR_TYPE_PALETTE) {
		png_color pal[16];
		png_byte trans[16];
		for (int i = 0; i < 16; i++) {
			unsigned char rgb[3];
			pixel(i * (W - 1) / 15, 0, rgb);
			pal[i].red = rgb[0];
			pal[i].green = rgb[1];
			pal[i].blue = rgb[2];
			trans[i] = i == 0 ? 0 : 255;
		}
		png_set_PLTE(png, info, pal, 16);
		png_set_tRNS(png, info, trans, 16, NULL);
	}
	png_write_info(png, info);
	if (depth == 16)
		png_set_swap(png);       /* rows below are little-endian */
	int channels = color_type == PNG_COLOR_TYPE_RGB ? 3 : color_type == PNG_COLOR_TYPE_RGBA ? 4
		     : color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2 : 1;
	int bytes = depth == 16 ? 2 : 1;
	png_bytep *rows = malloc(H * sizeof *rows);
	for (int y = 0; y < H; y++) {
		rows[y] = malloc((size_t)W * channels * bytes);
		for (int x = 0; x < W; x++) {
			unsigned char rgb[3];
			pixel(x, y, rgb);
			unsigned v[4] = { rgb[0], rgb[1], rgb[2], x < W / 8 ? 0 : 255 };
			if (color_type == PNG_COLOR_TYPE_PALETTE) {
				rows[y][x] = (png_byte)(x * 16 / W);
				continue;
			}
			if (channels <= 2)
				v[0] = (rgb[0] * 30 + rgb[1] * 59 + rgb[2] * 11) / 100;
			if (channels == 2)
				v[1] = v[3];
			for (int c = 0; c < channels; c++) {
				unsigned s = v[c];
				if (bytes == 2) {
					unsigned s16 = s * 257;
					rows[y][(x * channels + c) * 2] = (png_byte)(s16 & 255);
					rows[y][(x * channels + c) * 2 + 1] = (png_byte)(s16 >> 8);
				} else {
					rows[y][x * channels + c] = (png_byte)s;
				}
			}
		}
	}
	png_write_image(png, rows);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	for (int y = 0; y < H; y++)
		free(rows[y]);
	free(rows);
	fclose(f);
	return 0;
}

/* grey: 1 for one grey channel, 2 for CMYK (as Adobe writes it,
 * inverted, with an Adobe marker), 0 for RGB. */
static int write_jpeg(const char *path, int grey, int progressive)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = W;
	c.image_height = H;
	c.input_components = grey == 1 ? 1 : grey == 2 ? 4 : 3;
	c.in_color_space = grey == 1 ? JCS_GRAYSCALE : grey == 2 ? JCS_CMYK : JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 90, TRUE);
	if (progressive)
		jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	unsigned char row[W * 4];
	while (c.next_scanline < H) {
		for (int x = 0; x < W; x++) {
			unsigned char rgb[3];
			pixel(x, (int)c.next_scanline, rgb);
			if (grey == 1) {
				row[x] = (unsigned char)((rgb[0] * 30 + rgb[1] * 59 + rgb[2] * 11) / 100);
			} else if (grey == 2) {
				/* Inverted C, M, Y are R, G, B; inverted K 255 is no black. */
				memcpy(row + 4 * x, rgb, 3);
				row[4 * x + 3] = 255;
			} else {
				memcpy(row + 3 * x, rgb, 3);
			}
		}
		JSAMPROW r = row;
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	fclose(f);
	return 0;
}

/* Copies the first `keep` bytes of src, or flips bytes from `flip` on. */
static int damage(const char *src, const char *dst, long keep, long flip)
{
	FILE *f = fopen(src, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *buf = malloc((size_t)n);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	if (flip >= 0)
		for (long i = flip; i < flip + 64 && i < n; i++)
			buf[i] ^= 0x5A;
	if (keep >= 0 && keep < n)
		n = keep;
	f = fopen(dst, "wb");
	if (!f)
		return -1;
	fwrite(buf, 1, (size_t)n, f);
	fclose(f);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkimages DIR\n");
		return 2;
	}
	char p[4096], q[4096];
#define OUT(name) (snprintf(p, sizeof p, "%s/%s", argv[1], name), p)
	int rc = 0;
	rc |= write_png(OUT("palette.png"), PNG_COLOR_TYPE_PALETTE, 8, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("grey.png"), PNG_COLOR_TYPE_GRAY, 8, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("grey-alpha.png"), PNG_COLOR_TYPE_GRAY_ALPHA, 8, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("rgb.png"), PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("rgba.png"), PNG_COLOR_TYPE_RGBA, 8, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("rgb16.png"), PNG_COLOR_TYPE_RGB, 16, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("rgba16.png"), PNG_COLOR_TYPE_RGBA, 16, PNG_INTERLACE_NONE);
	rc |= write_png(OUT("interlaced.png"), PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_ADAM7);
	rc |= write_jpeg(OUT("photo.jpg"), 0, 0);
	rc |= write_jpeg(OUT("grey.jpg"), 1, 0);
	rc |= write_jpeg(OUT("progressive.jpg"), 0, 1);
	rc |= write_jpeg(OUT("cmyk.jpg"), 2, 0);
	snprintf(q, sizeof q, "%s/rgb.png", argv[1]);
	rc |= damage(q, OUT("truncated.png"), 300, -1);
	rc |= damage(q, OUT("corrupt.png"), -1, 120);
	snprintf(q, sizeof q, "%s/photo.jpg", argv[1]);
	rc |= damage(q, OUT("truncated.jpg"), 900, -1);
	FILE *f = fopen(OUT("not-an-image.png"), "w");
	if (f) {
		fputs("Dit is geen afbeelding.\n", f);
		fclose(f);
	}
	return rc ? 1 : 0;
}
