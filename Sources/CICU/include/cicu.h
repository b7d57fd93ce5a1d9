// A narrow C surface over the system ICU (Debian libicu-dev). Only stdint types and opaque handles
// appear here: the system <unicode/*.h> headers clash with the ICU that Foundation bundles, so they
// are included by cicu.c alone.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Guesses the charset of `bytes`. Writes its ICU name (e.g. "GB18030", "UTF-8", "Big5") into
/// `name_out` (NUL-terminated) and returns the confidence 0-100, or -1 when nothing matched.
int32_t cicu_detect_charset(const char *bytes, int32_t length, char *name_out, int32_t name_capacity);

/// Converts `bytes` in `charset` to UTF-16. Returns the number of UTF-16 units the result needs
/// (when larger than `capacity`, call again with a larger buffer), -1 for an unknown charset,
/// -2 when `strict` is non-zero and the input has illegal or unmappable sequences.
int32_t cicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t strict);

typedef struct cicu_transliterator cicu_transliterator;

/// Opens an ICU transliterator such as "Traditional-Simplified"; NULL when the id is unknown.
cicu_transliterator *cicu_transliterator_open(const char *id);
/// Transliterates `text[0..length)` in place. Returns the new length (may need up to `capacity`),
/// or -1 on error (for example when the result would not fit).
int32_t cicu_transliterate(cicu_transliterator *t, uint16_t *text, int32_t length, int32_t capacity);
void cicu_transliterator_close(cicu_transliterator *t);

typedef struct cicu_word_breaker cicu_word_breaker;

/// Word-rule status of a segment, as ICU reports it (ranges of UWordBreak).
enum {
    CICU_WORD_NONE = 0,      // spaces, punctuation
    CICU_WORD_NUMBER = 100,
    CICU_WORD_LETTER = 200,
    CICU_WORD_KANA = 300,
    CICU_WORD_IDEO = 400     // CJK words found by ICU's dictionary
};

/// Opens an ICU word-boundary iterator for `locale` (e.g. "zh"); NULL on failure.
cicu_word_breaker *cicu_word_breaker_open(const char *locale);
/// Points the iterator at `text`, which the caller keeps alive and unchanged while iterating.
/// Returns 0 on success, -1 on error.
int32_t cicu_word_breaker_set_text(cicu_word_breaker *b, const uint16_t *text, int32_t length);
/// Advances to the next segment: writes its UTF-16 bounds and rule status; returns 1, or 0 at the end.
int32_t cicu_word_breaker_next(cicu_word_breaker *b, int32_t *start, int32_t *end, int32_t *status);
void cicu_word_breaker_close(cicu_word_breaker *b);

typedef struct cicu_regex cicu_regex;

/// Compiles an ICU regular expression given as UTF-16; NULL when the pattern is invalid.
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, int32_t case_insensitive);
/// An independent matcher sharing the compiled pattern (for use on another thread).
cicu_regex *cicu_regex_clone(const cicu_regex *re);
int32_t cicu_regex_group_count(cicu_regex *re);
/// Points the matcher at `text` (not copied: the caller keeps it alive while matching) and
/// limits matching to [start, limit). Returns 0, or -1 on error.
int32_t cicu_regex_set_text(cicu_regex *re, const uint16_t *text, int32_t length, int32_t start, int32_t limit);
/// Finds the next match in the region: 1 found, 0 none.
int32_t cicu_regex_find_next(cicu_regex *re);
/// Matches at the region's start only (a prefix match): 1 found, 0 none.
int32_t cicu_regex_looking_at(cicu_regex *re);
/// Bounds of capture `group` of the current match; -1 for both when the group did not take part.
void cicu_regex_group(cicu_regex *re, int32_t group, int32_t *start, int32_t *end);
void cicu_regex_close(cicu_regex *re);

/// 1 when code point `c` is of the Han script (what `\p{Han}` matches in a pattern), else 0.
int32_t cicu_is_han(uint32_t c);

#ifdef __cplusplus
}
#endif

#endif
