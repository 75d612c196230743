/* image.h: PNG and JPEG files decoded and checked by our own code (libpng,
 * libjpeg) before the PDF library sees them: libharu aborts the process on
 * a corrupt PNG and mis-draws 16-bit ones. */
#ifndef SM_IMAGE_H
#define SM_IMAGE_H
#include "sm.h"

#define SM_IMAGE_MAX_SIDE   12000      /* pixels */
#define SM_IMAGE_MAX_PIXELS 50000000   /* 50 megapixels */

struct sm_image {
	const char *path;
	int w, h;
	unsigned char *rgb;         /* w*h*3 */
	unsigned char *alpha;       /* w*h, or NULL when opaque */
	int photo;                  /* from a JPEG: embedded as JPEG again */
	unsigned char *jpeg;        /* the JPEG to embed, after sm_image_fit */
	size_t jpeg_len;
};

/* The files decoded so far, each once: a monitor that shows one photo in
 * twenty blocks holds its pixels once (and the PDF embeds them once). */
struct sm_image_set {
	struct sm_image_file *v;
	int n, cap;
};

/* Decodes path, read below the folder in, or finds it in set (may be NULL)
 * when that file was decoded before; reports a positioned error at pos and
 * returns NULL when it is missing, outside in, not PNG or JPEG, truncated,
 * corrupt or too large (a broken file is reported at its first use only). */
struct sm_image *sm_image_load(struct sm_arena *a, struct sm_image_set *set, const struct sm_dir *in,
			       const char *path,
			       const struct sm_pos *pos);
/* Downsamples to about 220 dpi at the placed size (in pt) and, for photos,
 * encodes the JPEG to embed. */
void sm_image_fit(struct sm_arena *a, struct sm_image *img, double w_pt, double h_pt);

#endif
