/* compounds.c — the frequent two-syllable words of Party and state plans,
 * and the question R-ORTHO-COMPOUND asks of each pair of words in running
 * text: is it one of them with a tone slipped? The two slips looked for
 * are the commonest of Vietnamese typing and spelling: a tone mark not
 * typed (Telex/VNI: "thực hiên", "cán bô"), and hỏi written for ngã or
 * ngã for hỏi ("nắm vửng", "lảnh đạo"). A slip of that kind often leaves a
 * well-formed syllable (hiên, bô, vửng are words), which R-ORTHO-SYLLABLE
 * cannot see; the pair can. The third slip is two neighbouring letters
 * swapped ("quốc gai" for quốc gia): looked for by wordscan.c when each
 * syllable is well-formed and the swap spells a listed word, so that
 * words without a tone to slip (nhân dân, cơ quan, quốc gia) are listed
 * too.
 *
 * The words: the most frequent two-syllable words of the plans under
 * plans/ and of the three seeds (a count of word pairs), and the words
 * of Party and state plans whose slips are common misspellings (kỷ luật /
 * kỹ luật, hỗ trợ / hổ trợ, theo dõi / theo dỏi, chặt chẽ / chặt chẻ,
 * hàng đầu / hàng đâu, sẵn sàng / sẳn sàng, sửa chữa / sữa chửa, rõ ràng /
 * rỏ ràng, phẩm chất / phẫm chất, kỹ năng / kỷ năng), kept only where
 * no such variant is itself a word or a common pair across a word
 * boundary. Left out for that reason: thường vụ (thương vụ), văn phòng
 * (văn phong), đồng chí (đông chí), văn hóa (văn hoa), truyền thống
 * (truyền thông), cộng sản (công sản), hội thảo (hội thao), kết quả
 * (tổng kết qua), quan trọng and trọng tâm/điểm (cơ quan trong, trong
 * tâm), hệ thống (quan hệ thông qua), sự kiện (sự kiên trì), chỉ thị
 * (chỉ thi đua), quán triệt (cơ quan triệt), đảng ủy (đang ủy nhiệm),
 * báo chí (thông báo chi bộ), chỉ tiêu (chi tiêu), quân sự (quân sư), quận ủy
 * (Quân ủy), nhân sự (nhân sư), thống nhất (lưu thông nhất là), gia
 * đình (gia đinh). A pair spelt as another listed word is
 * never a slip. Sorted by their first letter for the reader only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compounds.h"
#include "kehoach/text.h"
#include "syllable.h"

static const char *const words[] = {
    "an toàn", "bài viết", "ban hành", "bản lĩnh", "bằng khen", "báo cáo", "bảo đảm",
    "bảo vệ", "bầu cử", "bền vững", "bí thư", "biển đảo", "biên phòng", "biểu dương",
    "bộ máy", "bồi dưỡng", "bổ sung", "bảo hiểm", "cá nhân", "cách mạng", "cải cách",
    "cải thiện", "cán bộ", "căn cứ", "cao điểm", "cấp ủy", "chấp hành", "chặt chẽ",
    "chất lượng", "chi bộ", "chỉ đạo", "chiến sĩ", "chính phủ", "chính quyền",
    "chính sách", "chính trị", "chủ động", "chủ nghĩa", "chủ quyền", "chủ tịch", "chủ trì",
    "chủ yếu", "chức năng", "chương trình", "chuyên đề", "chuyển đổi", "cổ động", "cơ sở",
    "công chức", "cộng đồng", "công nghệ", "cụ thể", "cử tri", "cứu hộ", "cơ quan",
    "công tác", "công an", "cổ vũ", "dân chủ", "dân vận", "danh hiệu", "di tích",
    "dịch bệnh", "dịch vụ", "doanh nghiệp", "dự án", "dữ liệu", "dân tộc", "dũng cảm",
    "đại biểu", "đại diện", "đại hội", "đảm bảo", "đảng bộ", "đảng viên", "đánh giá",
    "đạo đức", "đào tạo", "đầy đủ", "đẩy mạnh", "đề xuất", "địa bàn", "địa phương",
    "điển hình", "điện tử", "điều lệ", "định hướng", "đô thị", "đoàn kết", "đoàn thể",
    "đoàn viên", "đổi mới", "đội ngũ", "đối tượng", "đôn đốc", "đơn vị", "đồng bộ",
    "đường lối", "đất nước", "đền ơn", "đáp nghĩa", "đảm nhiệm", "giai đoạn", "giải pháp",
    "giải quyết", "giám sát", "giáo dục", "giáo viên", "giấy khen", "gương mẫu",
    "giữ vững", "hàng đầu", "hành chính", "hành động", "hiệu lực", "hiệu quả", "hình thức",
    "hỗ trợ", "hoàn thiện", "hoạt động", "học sinh", "học tập", "hội đồng", "hội nghị",
    "hội nhập", "hội viên", "hợp nhất", "hướng dẫn", "hưởng ứng", "huyện ủy", "hồ sơ",
    "hiểu biết", "kế hoạch", "kết luận", "khẩu hiệu", "khen thưởng", "khoa học",
    "kiểm điểm", "kiểm tra", "kiến nghị", "kinh phí", "kinh tế", "kịp thời", "kỷ cương",
    "kỷ luật", "kỷ nguyên", "kỷ niệm", "kỹ năng", "kỹ thuật", "kỹ lưỡng", "lãng phí",
    "lãnh đạo", "lao động", "lịch sử", "liệt sĩ", "lực lượng", "lý luận", "lý tưởng",
    "lưu trữ", "lãnh thổ", "mặt trận", "minh bạch", "môi trường", "mục tiêu", "mục đích",
    "mở rộng", "mẫu mực", "mỗi người", "năm học", "nắm vững", "nền tảng", "ngân sách",
    "nghị quyết", "nghĩa trang", "nghĩa vụ", "nghiêm túc", "nghiên cứu", "nguồn lực",
    "nhà nước", "nhà trường", "nhận thức", "nhiệm kỳ", "nhiệm vụ", "niềm tin", "nội dung",
    "nhân dân", "nâng cao", "nghĩa tình", "ổn định", "phần mềm", "phát triển", "phổ biến",
    "phối hợp", "phong cách", "phòng chống", "phong trào", "phù hợp", "pháp luật",
    "phẩm chất", "quân đội", "quốc tế", "quy chế", "quy định", "quy trình", "quyền hạn",
    "quyết định", "quốc gia", "quản lý", "rõ ràng", "sản xuất", "sáng tạo", "sáp nhập", "sâu sắc",
    "sắp xếp", "số hóa", "sơ kết", "sức khỏe", "sinh hoạt", "sâu rộng", "sửa đổi",
    "sẵn sàng", "sửa chữa", "tài chính", "tài liệu", "tăng cường", "tập thể", "tập trung",
    "tham nhũng", "thắng lợi", "thành lập", "thành phố", "thành tích", "thành ủy",
    "theo dõi", "thị trấn", "thị xã", "thiết thực", "thời điểm", "thông suốt", "thời gian", "thời hạn", "thủ tục",
    "thực hiện", "thực tế", "thực tiễn", "thường trực", "thường xuyên", "tích cực",
    "tiến độ", "tiên tiến", "tiết kiệm", "tiêu cực", "tinh gọn", "tình hình", "tỉnh ủy",
    "tổ chức", "tổ quốc", "tọa đàm", "toàn diện", "tổng hợp", "tổng kết", "tổng số",
    "trách nhiệm", "trẻ em", "triển khai", "trực quan", "trực tiếp", "trực tuyến",
    "tự hào", "tư tưởng", "tưởng niệm", "tuyên giáo", "tuyên truyền", "thông tin",
    "thanh niên", "tham mưu", "trung tâm", "tiêu chuẩn", "tiêu biểu", "thẩm quyền",
    "thẩm định", "ứng cử", "ứng dụng", "ủy ban", "ủy viên", "ủng hộ", "vai trò", "văn bản",
    "vận động", "văn kiện", "vi phạm", "viên chức", "vũ trang", "vướng mắc", "vững mạnh",
    "xã hội", "xây dựng", "xuất sắc", "xử lý", "ý nghĩa", "yêu cầu",
};

#define N_WORDS (sizeof words / sizeof words[0])
#define SLOTS 2048 /* a power of two, over four times N_WORDS: syllables share it */

typedef struct entry {
    int16_t word; /* -1: an empty slot */
    uint16_t s1, s2; /* the syllables' ids (kh_compounds_where) */
    int8_t t1, t2;
} entry;

/* A syllable of a listed word, and where it stands in one (KH_CPD_*). */
typedef struct syllable_entry {
    char key[KH_SYL_KEY];
    unsigned char where;
} syllable_entry;

struct kh_compounds {
    entry slot[SLOTS];
    syllable_entry syl[SLOTS];
};

static size_t pair_slot(unsigned s1, unsigned s2)
{
    return ((s1 * 2654435761u) ^ (s2 * 40503u)) & (SLOTS - 1);
}

static uint32_t hash_key(const char *k)
{
    uint32_t h = 2166136261u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 16777619u;
    return h;
}

/* The id of a syllable's key (its slot), added if new. */
static unsigned add_syllable(kh_compounds *c, const char *key, unsigned where)
{
    size_t s = hash_key(key) & (SLOTS - 1);
    while (c->syl[s].key[0] && strcmp(c->syl[s].key, key))
        s = (s + 1) & (SLOTS - 1);
    memcpy(c->syl[s].key, key, strlen(key) + 1);
    c->syl[s].where |= (unsigned char)where;
    return (unsigned)s;
}

unsigned kh_compounds_where(const kh_compounds *c, const char *key, unsigned *id)
{
    for (size_t s = hash_key(key) & (SLOTS - 1); c->syl[s].key[0]; s = (s + 1) & (SLOTS - 1))
        if (!strcmp(c->syl[s].key, key)) {
            *id = (unsigned)s;
            return c->syl[s].where;
        }
    return 0;
}

kh_compounds *kh_compounds_new(void)
{
    kh_compounds *c = kh_xmalloc(sizeof *c); /* only what marks a slot empty is cleared */
    for (size_t s = 0; s < SLOTS; s++) {
        c->slot[s].word = -1;
        c->syl[s].key[0] = '\0';
        c->syl[s].where = 0;
    }
    for (size_t i = 0; i < N_WORDS; i++) {
        const char *w = words[i], *sp = strchr(w, ' ');
        char k1[KH_SYL_KEY], k2[KH_SYL_KEY];
        int t1 = kh_syllable_key(w, (size_t)(sp - w), k1);
        int t2 = kh_syllable_key(sp + 1, strlen(sp + 1), k2);
        if (t1 < 0 || t2 < 0)
            continue; /* test_compounds checks that none is */
        unsigned s1 = add_syllable(c, k1, KH_CPD_FIRST), s2 = add_syllable(c, k2, KH_CPD_SECOND);
        size_t s = pair_slot(s1, s2);
        while (c->slot[s].word >= 0)
            s = (s + 1) & (SLOTS - 1);
        c->slot[s] = (entry){(int16_t)i, (uint16_t)s1, (uint16_t)s2, (int8_t)t1, (int8_t)t2};
    }
    return c;
}

void kh_compounds_free(kh_compounds *c)
{
    free(c);
}

/* Is the tone `typed` a slip for `meant`: dropped, or hỏi/ngã swapped? */
static bool slipped(int typed, int meant)
{
    return (typed == 0 && meant != 0) || (typed == 3 && meant == 4) || (typed == 4 && meant == 3);
}

int kh_compounds_slip(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2, int *which)
{
    if (t1 < 0 || t2 < 0)
        return -1;
    int found = -1;
    for (size_t s = pair_slot(s1, s2); c->slot[s].word >= 0; s = (s + 1) & (SLOTS - 1)) {
        const entry *e = &c->slot[s];
        if (e->s1 != s1 || e->s2 != s2)
            continue;
        if (e->t1 == t1 && e->t2 == t2)
            return -1; /* spelt as a listed word */
        if (found < 0 && e->t2 == t2 && slipped(t1, e->t1)) {
            found = e->word;
            *which = 0;
        } else if (found < 0 && e->t1 == t1 && slipped(t2, e->t2)) {
            found = e->word;
            *which = 1;
        }
    }
    return found;
}

int kh_compounds_find(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2)
{
    for (size_t s = pair_slot(s1, s2); c->slot[s].word >= 0; s = (s + 1) & (SLOTS - 1)) {
        const entry *e = &c->slot[s];
        if (e->s1 == s1 && e->s2 == s2 && e->t1 == t1 && e->t2 == t2)
            return e->word;
    }
    return -1;
}

bool kh_compounds_has(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2)
{
    return kh_compounds_find(c, s1, t1, s2, t2) >= 0;
}

const char *kh_compound_word(int i)
{
    return i >= 0 && (size_t)i < N_WORDS ? words[i] : NULL;
}

size_t kh_compound_count(void)
{
    return N_WORDS;
}
