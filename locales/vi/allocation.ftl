## Allocation (src/features/allocation/): lots, the priority table, proposals and their
## approval in the console; what parents and donors are told. Parents and donors are "anh/chị".

## In chat, to parents and donors
allocation-told-parent = 🎁 Tin vui: ChoEm đã có { $what } cho em { $pupil } (đơn { $code }). Anh/chị mời đến nhận tại { $place }{ $from }. Khi đến, anh/chị mang theo mã đơn giúp nhà trường nhé.
allocation-told-from = , từ { $date }
allocation-a-pupil = nhà mình
allocation-told-donor = 🎁 { $units } của anh/chị { $reached } ChoEm xin cảm ơn anh/chị!
allocation-told-money-donor = 🎁 Khoản ủng hộ { $amount } của anh/chị đã cùng góp mua { $bought }. Đợt này, { $units } { $reached } ChoEm xin cảm ơn anh/chị!
allocation-told-reached-schools = đã đến với { $children } em ở { $schools } trường: { $names }.
allocation-told-reached-families = đã đến với { $families } gia đình.
allocation-units-device = { $count } { $type ->
    [laptop] máy tính xách tay
    [tablet] máy tính bảng
    [phone] điện thoại thông minh
   *[other] thiết bị
  }
allocation-units-data = { $count } gói dữ liệu { $carrier } { $months } tháng

## The console: lots
allocation-nav-lots = Lô quà
allocation-lots-title = Lô quà
allocation-lots-intro = Mỗi lô là những gì có thể trao: máy nhà hảo tâm đã gửi, máy mua bằng tiền ủng hộ, hoặc quà được tặng thẳng. Mở một lô để lập đề xuất.
allocation-lots-none = Chưa có lô nào.
allocation-col-lot = Lô
allocation-col-what = Gồm
allocation-col-source = Nguồn
allocation-col-areas = Khu vực
allocation-col-count = Số lượng
allocation-col-allocated = Đã phân
allocation-col-free = Còn
allocation-areas-anywhere = toàn tỉnh
allocation-source-pledge = Từ khoản ủng hộ hiện vật
allocation-source-purchase = Mua bằng tiền ủng hộ
allocation-source-other = Được tặng thẳng
allocation-source-pledge-of = khoản ủng hộ { $code }
allocation-source-purchase-of = mua { $cost } ({ $paid })
allocation-source-other-of = tặng bởi { $giver }
allocation-kind-devices = Thiết bị
allocation-kind-data = Gói dữ liệu
allocation-lot-new = Thêm lô mới
allocation-field-source = Nguồn
allocation-field-kind = Loại
allocation-field-count = Số lượng (máy, hoặc SIM / lượt nạp)
allocation-field-pledge = Mã khoản ủng hộ
allocation-field-pledge-help = Loại máy, nhà mạng và số tháng lấy theo khoản ủng hộ; số lượng không quá số đã nhận mà chưa vào lô nào.
allocation-field-what = Thiết bị hoặc gói (mua, tặng thẳng)
allocation-field-device-type = Loại thiết bị
allocation-field-carrier = Nhà mạng
allocation-field-months = Số tháng
allocation-field-cost = Tổng tiền mua
allocation-field-paid-by = Khoản ủng hộ đã chi
allocation-field-paid-by-help = Mỗi dòng một khoản: mã và số tiền, ví dụ “UH-7K2M9Q 5.000.000”. Tổng phải bằng tổng tiền mua.
allocation-field-giver = Người / đơn vị tặng
allocation-field-areas = Chỉ dành cho khu vực (phường, xã, quận, huyện)
allocation-field-areas-help = Để trống nếu lô dành cho cả tỉnh; nhiều khu vực cách nhau bằng dấu phẩy.
allocation-field-areas-mine = Lô của thầy cô phải nằm trong khu vực: { $areas }.
allocation-field-kept-at = Nơi cất giữ
allocation-field-note = Ghi chú
allocation-lot-create = Thêm lô
allocation-lot-bad-source = Xin chọn nguồn của lô.
allocation-lot-bad-kind = Xin chọn loại: thiết bị hoặc gói dữ liệu (hàng mua chỉ là thiết bị).
allocation-lot-bad-count = Số lượng phải là số nguyên từ 1 đến { $max }.
allocation-lot-bad-area = Không có khu vực “{ $area }” trong danh bạ trường. Xin gõ tên phường, xã, quận hoặc huyện như trong danh bạ.
allocation-lot-bad-area-ambiguous = Có nhiều nơi tên “{ $area }”: { $options }. Xin gõ đủ tên, ví dụ “Phường …” hay “Xã …”.
allocation-lot-bad-area-needed = Xin ghi khu vực của lô (trong khu vực thầy cô phụ trách).
allocation-lot-bad-area-outside = Khu vực “{ $area }” nằm ngoài khu vực thầy cô phụ trách.
allocation-lot-bad-kept-at = Xin ghi nơi cất giữ lô.
allocation-lot-bad-pledge-code = Mã khoản ủng hộ có dạng UH-7K2M9Q.
allocation-lot-bad-pledge-unknown = Không có khoản ủng hộ { $code } (hoặc khoản này đã huỷ).
allocation-lot-bad-pledge-no-devices = Khoản ủng hộ { $code } không có thiết bị.
allocation-lot-bad-pledge-no-data = Khoản ủng hộ { $code } không có gói dữ liệu.
allocation-lot-bad-pledge-no-money = Khoản ủng hộ { $code } không phải tiền.
allocation-lot-bad-pledge-too-many = Khoản ủng hộ này chỉ còn { $left } đã nhận mà chưa vào lô nào.
allocation-lot-bad-money-too-much = Khoản { $code } chỉ còn { $left } đ đã nhận mà chưa chi.
allocation-lot-bad-device-type = Xin chọn loại thiết bị.
allocation-lot-bad-cost = Xin ghi tổng tiền mua, ví dụ 45.000.000 hoặc 45 triệu.
allocation-lot-bad-paid-by-line = Không đọc được dòng “{ $line }”. Mỗi dòng là mã khoản ủng hộ và số tiền, ví dụ “UH-7K2M9Q 5.000.000”.
allocation-lot-bad-paid-by-none = Xin ghi khoản ủng hộ nào đã chi cho lần mua này.
allocation-lot-bad-paid-by-sum = Các khoản đã chi cộng lại là { $sum } đ, khác tổng tiền mua { $cost } đ.
allocation-lot-bad-giver = Xin ghi tên người hoặc đơn vị tặng.
allocation-lot-bad-carrier = Xin chọn nhà mạng của gói dữ liệu.
allocation-lot-bad-months = Số tháng phải là số nguyên từ 1 đến 36.
allocation-lot-title = Lô { $code }
allocation-back-to-lots = ← Các lô quà
allocation-lot-counts = Tổng { $count } · đã phân { $allocated } · còn { $free }
allocation-propose = Lập đề xuất
allocation-lines = Các suất đã phân
allocation-lines-none = Lô chưa phân cho em nào.
allocation-col-line = Suất
allocation-col-request = Đơn
allocation-col-school = Trường
allocation-col-status = Tình trạng
allocation-col-batch = Đợt duyệt
allocation-col-approved = Ngày duyệt
allocation-approved = Đã duyệt đợt { $batch }: { $made } em. Phụ huynh và nhà hảo tâm đang được báo.
allocation-approved-skipped = { $count } đơn không vào đợt này vì đã thay đổi trong lúc duyệt:
allocation-skipped-moved = đơn đã đổi tình trạng hoặc không còn hợp với lô
allocation-skipped-claimed = đơn đã có suất ở lô khác
allocation-skipped-lot-full = lô đã hết suất

## The console: proposals
allocation-proposal-title = Đề xuất cho lô { $code }
allocation-back-to-lot = ← Lô { $code }
allocation-proposal-intro = ChoEm xếp các đơn đã xác minh hợp với lô theo điểm ưu tiên (bằng điểm: em chờ lâu hơn trước). Bỏ tick để bớt, tick em dự bị để thêm, rồi duyệt cả đợt.
allocation-proposed = Đề xuất: { $count } em
allocation-proposal-none = Không còn đơn nào hợp với lô này.
allocation-runners = Dự bị
allocation-runners-help = Tick để đưa em vào đợt thay cho em đã bỏ.
allocation-col-pupil = Học sinh
allocation-col-score = Điểm
allocation-col-why = Vì sao
allocation-col-waiting = Chờ từ
allocation-why-nothing = chưa có điểm cộng
allocation-part-wait = { $weeks } tuần chờ { $points }
allocation-drop = Bỏ, lấy em kế tiếp
allocation-field-collect-place = Nơi nhận
allocation-field-collect-from = Nhận từ ngày
allocation-field-collect-from-help = Ví dụ: 05/12 7h30
allocation-approve = Duyệt cả đợt
allocation-approve-none = Xin tick ít nhất một em.
allocation-approve-bad-place = Xin ghi nơi phụ huynh đến nhận.
allocation-approve-bad-date = Xin ghi ngày bắt đầu nhận, ví dụ 05/12 7h30 (không phải ngày đã qua).
allocation-approve-too-many = Đợt này có { $asked } em nhưng lô chỉ còn { $free } suất. Cả đợt chưa được duyệt; xin bớt cho vừa.
allocation-scanned = Đã xét { $count } đơn.

## The console: the priority table
allocation-nav-priority = Ưu tiên
allocation-priority-title = Bảng điểm ưu tiên
allocation-priority-intro = Điểm của một đơn là tổng điểm các ý dưới đây mà gia đình đã chọn, cộng điểm cho mỗi tuần đã chờ. Đề xuất xếp đơn theo điểm này.
allocation-priority-defaults = Đang dùng điểm mặc định.
allocation-priority-updated = Sửa lần cuối bởi { $by } lúc { $at }.
allocation-priority-save = Lưu bảng điểm
allocation-priority-saved = Đã lưu bảng điểm.
allocation-priority-bad = Điểm của “{ $row }” phải là số nguyên từ 0 đến { $max }.
allocation-weight-group = Nhóm
allocation-weight-what = Ý
allocation-weight-points = Điểm
allocation-weight-group-circumstance = Hoàn cảnh
allocation-weight-group-home = Ở nhà
allocation-weight-group-wait = Thời gian chờ
allocation-weight-home-nothing = Chưa có gì để học
allocation-weight-home-shared-phone = Dùng chung điện thoại với bố mẹ
allocation-weight-per-week = Mỗi tuần đã chờ
