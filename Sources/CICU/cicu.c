#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>

int32_t cicu_detect_charset(const char *bytes, int32_t length, char *name_out, int32_t name_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(det, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(det, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *name = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && name != NULL && name_capacity > 0) {
            strncpy(name_out, name, (size_t)name_capacity - 1);
            name_out[name_capacity - 1] = '\0';
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(det);
    return confidence;
}

int32_t cicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t strict) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    if (strict) {
        ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    }
    int32_t needed = ucnv_toUChars(conv, (UChar *)dest, capacity, bytes, length, &status);
    ucnv_close(conv);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return strict ? -2 : -1;
    return needed;
}

struct cicu_transliterator { UTransliterator *trans; };

cicu_transliterator *cicu_transliterator_open(const char *id) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[128];
    u_uastrncpy(uid, id, 127);
    uid[127] = 0;
    UTransliterator *trans = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status) || trans == NULL) return NULL;
    cicu_transliterator *t = (cicu_transliterator *)malloc(sizeof(cicu_transliterator));
    if (t == NULL) { utrans_close(trans); return NULL; }
    t->trans = trans;
    return t;
}

int32_t cicu_transliterate(cicu_transliterator *t, uint16_t *text, int32_t length, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(t->trans, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    if (U_FAILURE(status)) return -1;
    return textLength;
}

void cicu_transliterator_close(cicu_transliterator *t) {
    if (t == NULL) return;
    utrans_close(t->trans);
    free(t);
}

struct cicu_word_breaker { UBreakIterator *brk; int32_t current; };

cicu_word_breaker *cicu_word_breaker_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *brk = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || brk == NULL) return NULL;
    cicu_word_breaker *b = (cicu_word_breaker *)malloc(sizeof(cicu_word_breaker));
    if (b == NULL) { ubrk_close(brk); return NULL; }
    b->brk = brk;
    b->current = 0;
    return b;
}

int32_t cicu_word_breaker_set_text(cicu_word_breaker *b, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(b->brk, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    b->current = ubrk_first(b->brk);
    return 0;
}

int32_t cicu_word_breaker_next(cicu_word_breaker *b, int32_t *start, int32_t *end, int32_t *status) {
    int32_t next = ubrk_next(b->brk);
    if (next == UBRK_DONE) return 0;
    *start = b->current;
    *end = next;
    *status = ubrk_getRuleStatus(b->brk);
    b->current = next;
    return 1;
}

void cicu_word_breaker_close(cicu_word_breaker *b) {
    if (b == NULL) return;
    ubrk_close(b->brk);
    free(b);
}

struct cicu_regex { URegularExpression *re; };

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, int32_t case_insensitive) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    URegularExpression *re = uregex_open((const UChar *)pattern, length,
                                         case_insensitive ? UREGEX_CASE_INSENSITIVE : 0, &perr, &status);
    if (U_FAILURE(status) || re == NULL) return NULL;
    cicu_regex *r = (cicu_regex *)malloc(sizeof(cicu_regex));
    if (r == NULL) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

cicu_regex *cicu_regex_clone(const cicu_regex *src) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(src->re, &status);
    if (U_FAILURE(status) || re == NULL) return NULL;
    cicu_regex *r = (cicu_regex *)malloc(sizeof(cicu_regex));
    if (r == NULL) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

int32_t cicu_regex_group_count(cicu_regex *r) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uregex_groupCount(r->re, &status);
    return U_FAILURE(status) ? 0 : n;
}

int32_t cicu_regex_set_text(cicu_regex *r, const uint16_t *text, int32_t length, int32_t start, int32_t limit) {
    UErrorCode status = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    uregex_setText(r->re, length > 0 ? (const UChar *)text : empty, length, &status);
    if (U_FAILURE(status)) return -1;
    uregex_setRegion(r->re, start, limit, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t cicu_regex_find_next(cicu_regex *r) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_findNext(r->re, &status);
    return U_SUCCESS(status) && found ? 1 : 0;
}

int32_t cicu_regex_looking_at(cicu_regex *r) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_lookingAt(r->re, -1, &status);
    return U_SUCCESS(status) && found ? 1 : 0;
}

void cicu_regex_group(cicu_regex *r, int32_t group, int32_t *start, int32_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    *start = uregex_start(r->re, group, &status);
    *end = uregex_end(r->re, group, &status);
    if (U_FAILURE(status)) { *start = -1; *end = -1; }
}

void cicu_regex_close(cicu_regex *r) {
    if (r == NULL) return;
    uregex_close(r->re);
    free(r);
}

int32_t cicu_is_han(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)c, &status);
    return U_SUCCESS(status) && script == USCRIPT_HAN ? 1 : 0;
}
