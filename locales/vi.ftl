# ChoEm — tiếng Việt (ngôn ngữ mặc định).
# Mỗi khoá ở đây phải có trong en.ftl và ngược lại (test/locales.test.ts kiểm tra).

## Menu chính và lệnh chung

menu-welcome = Xin chào! Đây là ChoEm, trợ lý của chương trình “Sóng và máy tính cho em”. Chương trình giúp các em học trực tuyến có máy tính và kết nối Internet.
    Anh/chị cần ChoEm giúp gì ạ?
menu-intro = Anh/chị cần ChoEm giúp gì ạ?
menu-language = 🌐 Ngôn ngữ / Language
menu-resume = ▶️ Tiếp tục phần đang điền
menu-dialog-in-progress = Anh/chị đang điền dở: { $form }. Anh/chị chọn “Tiếp tục” để điền tiếp, hoặc gõ /huy để bỏ nhé.
menu-after-form = ChoEm có thể giúp gì thêm cho anh/chị ạ?
language-choose = Chọn ngôn ngữ / Choose your language:
language-switched = Đã chuyển sang tiếng Việt.
help = ChoEm giúp phụ huynh xin máy tính hoặc hỗ trợ kết nối cho con, giúp nhà hảo tâm ủng hộ, và giúp thầy cô gửi bài giảng đến phụ huynh.
    Các lệnh:
    /start — menu chính
    /huy — huỷ phần đang điền
    /ngonngu — đổi ngôn ngữ
    /trogiup — hướng dẫn này
    /tracuu — tra cứu đơn của anh/chị; /rut — rút một đơn
    /camket — ủng hộ; /ungho — khoản ủng hộ của anh/chị; /minhbach — số liệu công khai
    /vaolop — vào lớp của con bằng mã lớp; /baicu — xem lại bài giảng gần đây
    /dulieu — xem và xoá dữ liệu của anh/chị
    Thầy cô: /giaovien (nhận vai trò giáo viên), /taolop, /lop, /moilop, /danhsach, /baigiay (gia đình nhận bài giấy), /lienket, /tiendo, /guilai
    Khi đang điền, anh/chị luôn có thể gõ “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.
nothing-to-cancel = Hiện không có gì để huỷ.
unknown-command = ChoEm chưa hiểu lệnh /{ $command }. Anh/chị gõ /trogiup để xem các lệnh nhé.
hint-unsupported = ChoEm chưa đọc được loại tin nhắn này (nhãn dán, tin nhắn thoại…). Anh/chị vui lòng gõ chữ hoặc chọn trong menu nhé.
hint-not-expected = ChoEm chưa cần ảnh hay tệp lúc này. Anh/chị vui lòng chọn một mục trong menu nhé.
hint-not-understood = ChoEm chưa hiểu ý anh/chị. Anh/chị vui lòng chọn một mục trong menu nhé.
group-private-only = Phần này có thông tin riêng, nên ChoEm chỉ trả lời khi anh/chị nhắn riêng. Anh/chị bấm vào đường link dưới đây để tiếp tục nhé:
group-private-only-no-link = Phần này có thông tin riêng, nên ChoEm chỉ trả lời khi anh/chị nhắn riêng. Anh/chị nhắn riêng cho ChoEm lệnh /{ $command } nhé.
rate-limited = Anh/chị gửi hơi nhanh ạ. ChoEm đã nhận các tin nhắn và sẽ trả lời lần lượt sau ít phút. Anh/chị không cần gửi lại.
error-sorry = Xin lỗi, ChoEm vừa gặp trục trặc. Những gì anh/chị đã điền vẫn được giữ. Anh/chị thử gửi lại sau ít phút nhé.
share-phone-button = 📱 Gửi số điện thoại của tôi
choices-hint = { $count ->
    [1] Trả lời 1 để chọn.
    [2] Trả lời 1 hoặc 2.
    [3] Trả lời 1, 2 hoặc 3.
   *[other] Trả lời bằng số từ 1 đến { $count }.
}

## Biểu mẫu (dùng chung cho mọi biểu mẫu)

nav-back = ⬅️ Quay lại
nav-cancel = ✖️ Huỷ
nav-skip = Bỏ qua
nav-done = ✅ Xong
nav-confirm = ✅ Xác nhận
nav-edit = ✏️ Sửa: { $field }
dialog-summary-intro = Anh/chị kiểm tra lại giúp ChoEm nhé:
dialog-multi-hint = (Chọn được nhiều mục; chọn xong thì bấm “Xong”.)
dialog-multi-hint-typed = (Chọn được nhiều mục: gõ các số cách nhau bởi dấu phẩy, ví dụ: 1, 3.)
dialog-typed-nav = (Gõ “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.)
dialog-typed-nav-skip = (Gõ “bỏ qua” nếu không có, “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.)
dialog-skipped = (bỏ qua)
dialog-confirm-again = Anh/chị chọn “Xác nhận” để gửi, “Quay lại” để sửa, hoặc “Huỷ” nhé.
dialog-cancelled = Đã huỷ. ChoEm không lưu gì từ phần vừa điền ạ.
dialog-already-done = Phần này đã được ghi nhận rồi ạ, anh/chị không cần gửi lại.
dialog-step-updated = ChoEm vừa được cập nhật. Xin trả lời lại câu này giúp ChoEm nhé.
dialog-form-gone = ChoEm vừa được cập nhật, nên phần đang điền dở cần làm lại từ đầu. Xin chọn lại trong menu giúp ChoEm nhé.
error-choose-option = ChoEm chưa rõ ý ạ. Xin chọn một trong các lựa chọn dưới đây (gõ số thứ tự cũng được).
error-choose-options = ChoEm chưa rõ ý ạ. Xin chọn trong danh sách dưới đây (gõ được nhiều số, ví dụ: 1, 3).
dialog-which-one = Có vài mục gần giống nhau: { $options }. Xin cho ChoEm biết mục nào đúng ạ?
# Từ người ta hay gõ thay cho “có” và “không”, cách nhau bằng dấu phẩy (có dấu hay không dấu đều khớp).
dialog-words-yes = có, có ạ, ừ, ừm, vâng, dạ, dạ có, được, đồng ý, ok, oke, okay, yes, y, đúng, chắc chắn rồi
dialog-words-no = không, không ạ, ko, k, hông, khum, chưa, không muốn, không đồng ý, chưa đồng ý, thôi, no, n
error-pick-at-least-one = Xin chọn ít nhất một mục rồi bấm “Xong” nhé.
error-old-button = Nút này thuộc một tin nhắn cũ. Xin dùng các nút ở tin nhắn mới nhất nhé.
error-expected-text = Câu này ChoEm cần câu trả lời bằng chữ ạ.
error-invalid = Câu trả lời chưa đúng dạng ChoEm cần. Xin thử lại nhé.
error-empty = Câu trả lời đang trống. Xin trả lời giúp ChoEm nhé.
error-too-short = Câu trả lời hơi ngắn. Xin viết rõ hơn một chút nhé.
error-too-long = Câu trả lời dài quá. Xin viết gọn lại giúp ChoEm nhé.
error-date-time = ChoEm chưa đọc được ngày giờ. Xin gõ ngày và giờ, ví dụ: 05/12 7h30.
error-date-past = Ngày giờ này đã qua rồi. Xin gõ một ngày sắp tới, ví dụ: 05/12 7h30.
error-no-letters = ChoEm cần câu trả lời bằng chữ (không chỉ biểu tượng cảm xúc hay con số).
error-number-negative = Xin gõ một số dương, không có dấu trừ.
error-number-decimal = Xin gõ một số nguyên, không có phần lẻ sau dấu chấm hay dấu phẩy.

## Số điện thoại

phone-empty = Anh/chị chưa nhập số điện thoại.
phone-not-digits = Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.
phone-foreign = ChoEm chỉ nhận số di động Việt Nam (bắt đầu bằng 0 hoặc +84).
phone-landline = Đây có vẻ là số máy bàn. ChoEm cần số di động, ví dụ 0912 345 678.
phone-wrong-length = Số di động Việt Nam có 10 chữ số, ví dụ 0912 345 678. Anh/chị kiểm tra lại giúp nhé.
phone-unknown-network = Đầu số này không phải số di động Việt Nam. Anh/chị kiểm tra lại giúp nhé.

## Hỏi cán bộ

menu-support = 🙋 Hỏi cán bộ
support-title = câu hỏi gửi cán bộ
support-topic-prompt = Anh/chị muốn hỏi về việc gì?
support-topic-device = Xin máy tính
support-topic-connectivity = Kết nối Internet
support-topic-donation = Ủng hộ
support-topic-class = Lớp học, bài giảng
support-topic-other = Việc khác
support-question-prompt = Anh/chị viết câu hỏi của mình nhé. Cán bộ sẽ trả lời ngay tại đây.
support-phone-prompt = Anh/chị có muốn cán bộ gọi lại không? Nếu có, anh/chị gõ số điện thoại di động (ví dụ: 0912 345 678). Nếu không, anh/chị chọn “Bỏ qua”.
support-topic-label = Về việc
support-question-label = Câu hỏi
support-phone-label = Số điện thoại
support-created = ChoEm đã gửi câu hỏi cho cán bộ. Mã câu hỏi của anh/chị: { $code }. Cán bộ sẽ trả lời ngay tại đây, thường trong giờ làm việc. Cảm ơn anh/chị!
support-call-back = Cán bộ có thể gọi lại cho anh/chị theo số { $phone }.
support-staff = Cán bộ ChoEm
support-staff-named = Cán bộ { $name }
support-reply = 💬 { $staff } trả lời câu hỏi { $code }:
    { $text }
support-closing = ✅ { $staff } đã đóng câu hỏi { $code }:
    { $text }
    Khi cần hỏi thêm, anh/chị chọn “Hỏi cán bộ” trong menu nhé. Cảm ơn anh/chị!
support-handoff = { $staff } đang trả lời câu hỏi { $code } của anh/chị. ChoEm đã chuyển tin này cho cán bộ. Anh/chị cứ nhắn tiếp tại đây. Khi xong, anh/chị bấm “Kết thúc trò chuyện với cán bộ” nhé.
support-end-button = Kết thúc trò chuyện với cán bộ
support-ended = Đã kết thúc trò chuyện với cán bộ về câu hỏi { $code }. Cảm ơn anh/chị!
support-end-gone = Câu hỏi { $code } đã đóng rồi ạ. Cuộc trò chuyện với cán bộ đã kết thúc.
support-alert-new = 🔔 Câu hỏi mới { $code } ({ $topic }): “{ $question }”
    Trả lời tại: { $link }
support-alert-more = 🔔 Người hỏi { $code } vừa nhắn thêm: “{ $text }”
support-alert-ended = Người hỏi đã kết thúc trò chuyện về câu hỏi { $code }.
error-name-too-long = Tên dài quá (tối đa 80 ký tự). Anh/chị kiểm tra lại giúp nhé.
error-name-letters = Họ tên chỉ gồm chữ cái và khoảng trắng, ví dụ: Nguyễn Thị Hà.
error-name-too-short = Anh/chị vui lòng viết đầy đủ họ và tên.
error-grade = Con học lớp mấy ạ? Anh/chị gõ một số từ 1 đến 12, ví dụ: 6.

## Yêu cầu hỗ trợ của phụ huynh

menu-device = 💻 Xin máy tính cho con
menu-connectivity = 📶 Hỗ trợ kết nối Internet
menu-lookup = 🔎 Tra cứu đơn
menu-staff-requests = 📋 Đơn mới (cán bộ)
menu-my-data = 🔒 Dữ liệu của tôi
device-title = đơn xin máy tính
connectivity-title = đơn xin hỗ trợ kết nối
request-consent-device = Trước khi bắt đầu, ChoEm xin phép anh/chị:
    • ChoEm sẽ hỏi: họ tên, lớp và trường của con, hoàn cảnh gia đình, số điện thoại liên hệ.
    • Dùng để: nhà trường và Sở Giáo dục xem xét, trao máy cho đúng em cần.
    • Ai được xem: cán bộ nhà trường và Sở phụ trách chương trình. Nhà hảo tâm không bao giờ thấy tên của con.
    • Anh/chị có thể xem và xoá dữ liệu bất cứ lúc nào ở mục “Dữ liệu của tôi”.
    Anh/chị có đồng ý không?
request-consent-connectivity = Trước khi bắt đầu, ChoEm xin phép anh/chị:
    • ChoEm sẽ hỏi: vấn đề kết nối, nhà mạng, số điện thoại của SIM và nơi ở (phường/xã).
    • Dùng để: Sở Giáo dục và các nhà mạng hỗ trợ gói cước, SIM hoặc đường truyền phù hợp.
    • Ai được xem: cán bộ nhà trường, Sở và nhà mạng được giao hỗ trợ.
    • Anh/chị có thể xem và xoá dữ liệu bất cứ lúc nào ở mục “Dữ liệu của tôi”.
    Anh/chị có đồng ý không?
consent-agree = Tôi đồng ý
consent-decline = Không đồng ý
request-consent-declined = ChoEm hiểu ạ. ChoEm không lưu thông tin gì của anh/chị. Khi cần, anh/chị chọn “Hỏi cán bộ” để nói chuyện trực tiếp với cán bộ nhé.
device-child-name-prompt = Họ và tên của con là gì? (Ví dụ: Nguyễn Thị Hà)
device-grade-prompt = Con đang học lớp mấy? (Từ 1 đến 12)
school-query-prompt = Con học trường nào? Anh/chị gõ tên trường (có dấu hay không dấu đều được), ví dụ: Chu Văn An.
school-pick-prompt = Trường của con là trường nào dưới đây? (Không thấy trường của con thì anh/chị gõ lại tên trường.)
school-not-listed = Không có trong danh sách (ghi “{ $typed }”)
school-none-found = ChoEm không tìm thấy trường nào tên “{ $typed }”. Anh/chị gõ lại vài chữ trong tên trường, ví dụ: Chu Văn An. Hoặc anh/chị chọn “Không có trong danh sách” để ChoEm ghi đúng tên đã gõ.
school-grade-mismatch = Trường đã chọn không có lớp { $grade }. Anh/chị chọn lại trường của con nhé.
school-none-found-grade = ChoEm không tìm thấy trường nào tên “{ $typed }” có dạy lớp { $grade }. Anh/chị gõ lại vài chữ trong tên trường, ví dụ: Chu Văn An. Hoặc anh/chị chọn “Không có trong danh sách” để ChoEm ghi đúng tên đã gõ.
device-class-prompt = Con học lớp nào, ví dụ 6A1? Nếu chưa biết, anh/chị chọn “Bỏ qua”.
device-circumstances-prompt = Hoàn cảnh gia đình hiện nay thế nào? (Chọn tất cả các ý đúng.)
circumstance-poor = Hộ nghèo
circumstance-near-poor = Hộ cận nghèo
circumstance-orphan = Con mồ côi
circumstance-job-loss = Cha/mẹ mất việc
circumstance-migrant = Gia đình công nhân ở trọ
circumstance-lockdown = Đang cách ly/phong toả
circumstance-other = Khác
device-device-prompt = Con cần loại thiết bị nào?
device-laptop = Máy tính xách tay
device-laptop-words = laptop, máy laptop, notebook, macbook, máy xách tay
device-tablet = Máy tính bảng
device-tablet-words = tablet, ipad, máy bảng, tab
device-phone = Điện thoại thông minh
device-phone-words = điện thoại, smartphone, đt, dt, iphone, android
device-any = Loại nào cũng được
device-any-words = gì cũng được, nào cũng được, cái nào cũng được, sao cũng được, bất kỳ
device-home-has-prompt = Hiện nhà mình đang có gì để con học? (Chọn tất cả các ý đúng.)
home-has-nothing = Chưa có gì
home-has-nothing-words = không có gì, chưa có, không có, chưa có gì
home-has-shared-phone = Điện thoại dùng chung với bố mẹ
home-has-shared-phone-words = điện thoại, điện thoại của bố mẹ, đt, dt
home-has-old-computer = Máy tính cũ hoặc hỏng
home-has-old-computer-words = máy cũ, máy tính cũ, máy hỏng, laptop cũ
home-has-internet = Có Wi-Fi hoặc 4G
home-has-internet-words = wifi, 4g, 3g, internet, mạng, có mạng
request-phone-prompt = Cán bộ liên hệ với anh/chị qua số di động nào ạ? (Ví dụ: 0912 345 678)
device-childName-label = Họ tên con
device-grade-label = Lớp
device-school-label = Trường
device-className-label = Lớp học
device-circumstances-label = Hoàn cảnh
device-device-label = Thiết bị cần
device-homeHas-label = Nhà đang có
device-phone-label = Số liên hệ
connectivity-problem-prompt = Gia đình đang gặp vấn đề gì về kết nối?
problem-no-internet = Nhà chưa có Internet
problem-no-internet-words = không có mạng, chưa có mạng, chưa có internet, không có wifi, chưa có wifi, lắp mạng, wifi
problem-weak-signal = Sóng yếu, mạng chập chờn
problem-weak-signal-words = sóng yếu, mạng yếu, mạng chậm, chập chờn, mất sóng, rớt mạng, mạng lag
problem-data-package = Cần gói cước 4G để học
problem-data-package-words = 4g, 3g, gói cước, gói data, data, sim, sim 4g, gói mạng
connectivity-carrier-prompt = SIM của gia đình thuộc nhà mạng nào?
carrier-viettel = Viettel
carrier-viettel-words = vietel, vtel
carrier-vinaphone = VinaPhone
carrier-vinaphone-words = vina, vnpt
carrier-mobifone = MobiFone
carrier-mobifone-words = mobi, mobiphone
carrier-vietnamobile = Vietnamobile
carrier-vietnamobile-words = vietnammobile, vnmobile
carrier-other = Nhà mạng khác
carrier-other-words = khác, itel, reddi, wintel, gmobile
connectivity-phone-prompt = Số điện thoại của SIM cần hỗ trợ là số nào? (Ví dụ: 0912 345 678)
connectivity-place-prompt = Gia đình đang ở đâu?
place-rented-room = Nhà trọ
place-rented-room-words = phòng trọ, ở trọ, trọ, nhà thuê, thuê nhà
place-remote-area = Vùng sâu, vùng xa
place-remote-area-words = miền núi, vùng cao, vùng sâu, vùng xa, hải đảo
place-lockdown = Khu cách ly/phong toả
place-lockdown-words = cách ly, phong toả, phong tỏa
place-home = Nhà riêng
place-home-words = nhà mình, ở nhà, nhà riêng
connectivity-ward-prompt = Gia đình ở phường/xã nào? (Ví dụ: Phường Phú Lợi, Xã Bàu Bàng)
connectivity-problem-label = Vấn đề
connectivity-carrier-label = Nhà mạng
connectivity-phone-label = Số SIM
connectivity-place-label = Nơi ở
connectivity-ward-label = Phường/xã
request-created-device = ChoEm đã nhận đơn xin máy tính của anh/chị. Mã đơn của anh/chị: { $code } (trạng thái: { $status }).
    Anh/chị giữ mã đơn này để tra cứu ở mục “Tra cứu đơn”. Khi có tin mới, ChoEm sẽ nhắn anh/chị tại đây. Cảm ơn anh/chị!
request-created-connectivity = ChoEm đã nhận đơn xin hỗ trợ kết nối của anh/chị. Mã đơn của anh/chị: { $code } (trạng thái: { $status }).
    Anh/chị giữ mã đơn này để tra cứu ở mục “Tra cứu đơn”. Khi có tin mới, ChoEm sẽ nhắn anh/chị tại đây. Cảm ơn anh/chị!
request-exists = Anh/chị đã gửi đơn này rồi ạ: mã đơn { $code } (trạng thái: { $status }). Cán bộ đang xem đơn này, anh/chị không cần gửi lại.
request-duplicate-device = Em này đã có đơn xin máy tính rồi ạ. Nhà trường sẽ liên hệ qua số điện thoại ghi trong đơn đó.
    ChoEm vẫn lưu đơn của anh/chị (mã đơn { $code }) để cán bộ kiểm tra.
request-duplicate-connectivity = Số điện thoại này đã có đơn xin hỗ trợ kết nối rồi ạ. Nhà trường sẽ liên hệ qua số điện thoại ghi trong đơn đó.
    ChoEm vẫn lưu đơn của anh/chị (mã đơn { $code }) để cán bộ kiểm tra.
request-status-new = mới, chờ xác minh
request-status-verified = đã xác minh
request-status-approved = đã duyệt
request-status-matched = đã có nhà hảo tâm
request-status-delivered = đã trao
request-status-rejected = không được duyệt
request-status-withdrawn = đã rút

# What staff may type for each status in /capnhat (comma-separated, diacritics optional).
request-status-words-new = mới, chờ xác minh
request-status-words-verified = đã xác minh, xác minh
request-status-words-approved = đã duyệt, duyệt, được duyệt
request-status-words-matched = đã có nhà hảo tâm, có nhà hảo tâm, đã ghép, ghép
request-status-words-delivered = đã trao, trao, đã giao, giao
request-status-words-rejected = không được duyệt, không duyệt, từ chối, chưa được duyệt
request-status-words-withdrawn = đã rút, rút

# Why a request is not approved (the console's list; the parent reads it).
request-reject-reason-not-eligible = Chưa đúng đối tượng của chương trình
request-reject-reason-duplicate = Trùng với một đơn khác
request-reject-reason-unreachable = Nhà trường chưa liên lạc được với gia đình
request-reject-reason-moved-away = Em đã chuyển trường hoặc chuyển nơi ở
request-reject-reason-enough-devices = Gia đình đã có thiết bị để học
request-reject-reason-other = Lý do khác
request-kind-device = Xin máy tính
request-kind-connectivity = Hỗ trợ kết nối
request-reason = Lý do: { $reason }
request-status-line = Trạng thái: { $status }
request-grade = lớp { $grade }
request-not-found = ChoEm không tìm thấy đơn { $code } của anh/chị. Anh/chị kiểm tra lại mã đơn giúp ChoEm nhé.
request-none-yet = Anh/chị chưa gửi đơn nào. Chọn “Xin máy tính cho con” hoặc “Hỗ trợ kết nối Internet” trong menu nhé.
request-yours = Các đơn của anh/chị:
request-status-changed = ChoEm xin báo: đơn của anh/chị vừa được cập nhật.

## Cán bộ

staff-only = Mục này chỉ dành cho cán bộ.
staff-requests-none = Không có đơn nào khớp điều kiện.
staff-requests-list = { $count } đơn (cũ nhất trước):
staff-request-possible-duplicate = ⚠️ Có thể trùng với đơn { $code } (người gửi khác): cần đối chiếu.
staff-status-usage = Cách dùng: /capnhat YC-XXXXXX trạng_thái [lý do]. Trạng thái: đã xác minh, đã duyệt, đã có nhà hảo tâm, đã trao, không được duyệt (cần lý do).
staff-reason-needed = Khi từ chối, anh/chị ghi lý do để phụ huynh được biết.
staff-status-not-allowed = Không thể chuyển từ trạng thái “{ $from }” sang trạng thái này.
staff-status-changed = Đã cập nhật { $code }: { $status }. Phụ huynh đã được báo.

## Dữ liệu của tôi

privacy-intro = ChoEm đang lưu về anh/chị: tài khoản { $channel }, ngôn ngữ { $language }.
privacy-ticket = Câu hỏi { $code }: “{ $question }” (số liên hệ: { $phone })
privacy-ticket-message = Tin nhắn về câu hỏi { $code } ({ $from }, { $at }): “{ $text }”
privacy-ticket-from-person = anh/chị viết
privacy-ticket-from-staff = cán bộ trả lời
privacy-ticket-from-note = ghi chú của cán bộ
privacy-request = Đơn { $code }:
    { $details }
privacy-roles = Vai trò trong chương trình: { $roles }
privacy-no-contact = không để lại tên hay số điện thoại
role-parent = phụ huynh
role-donor = nhà hảo tâm
role-teacher = thầy cô giáo
role-staff = cán bộ chương trình
privacy-form-draft = Phần đang điền dở: “{ $form }”, với những câu trả lời anh/chị đã gõ.
privacy-deliveries = Bản ghi { $count } tin ChoEm đã gửi cho anh/chị (bài giảng, thư kêu gọi, tin về khoản ủng hộ), giữ để không ai nhận trùng.
privacy-technical = Trong lúc trò chuyện, ChoEm giữ tạm vài thông tin: trạng thái cuộc trò chuyện (ngôn ngữ, menu vừa hiện, phần đang điền dở; tối đa 14 ngày), bộ đếm số tin nhắn (vài phút), và những tin anh/chị gửi quá nhanh, để trả lời lần lượt (tối đa 1 giờ).
privacy-nothing-else = Ngoài những điều trên, ChoEm không lưu gì khác về anh/chị.
privacy-erase-button = 🗑 Xoá dữ liệu của tôi
privacy-erase-confirm = Nếu xoá, ChoEm sẽ rút các đơn đang xử lý và xoá: tên, trường lớp, hoàn cảnh của con, số điện thoại, địa chỉ, các khoản ủng hộ, lớp học con tham gia, câu hỏi gửi cán bộ và cuộc trò chuyện này. Khi đã xoá thì không lấy lại được. Anh/chị có chắc muốn xoá không?
privacy-erase-yes = Xoá hết
privacy-keep = Không, giữ lại
privacy-erased = Đã xoá dữ liệu của anh/chị:
    { $list }
    Các đơn đang xử lý đã được rút. ChoEm chỉ giữ số liệu thống kê không gắn với ai.
privacy-erased-records = • thông tin cá nhân trong { $count } hồ sơ ({ $what })
privacy-erased-nothing = • không có hồ sơ nào
privacy-erased-chat = • cuộc trò chuyện: ngôn ngữ đã chọn, phần đang điền dở, bộ đếm tin nhắn, ghi nhận đã chặn ChoEm
privacy-erased-history = • lịch sử trò chuyện trên kênh này
privacy-what-requests = đơn xin hỗ trợ
privacy-what-pledges = khoản ủng hộ
privacy-what-classes = lớp học
privacy-what-support = câu hỏi gửi cán bộ
privacy-what-people = hồ sơ người dùng
privacy-what-deliveries = tin đã gửi
privacy-what-other = dữ liệu khác
privacy-kept = ChoEm giữ nguyên dữ liệu của anh/chị.

## Danh bạ trường

school-level-mam-non = Mầm non
school-level-tieu-hoc = Tiểu học
school-level-thcs = THCS
school-level-thpt = THPT
school-level-gdtx = GDTX

## Rút đơn

request-withdraw-hint = Muốn rút một đơn, anh/chị gõ /rut và mã đơn, ví dụ: /rut YC-7K2M9Q.
request-withdraw-usage = Anh/chị gõ /rut và mã đơn của mình, ví dụ: /rut YC-7K2M9Q.
request-withdraw-too-late = Đơn này không rút được nữa ạ (trạng thái: { $status }). Nếu cần, anh/chị chọn “Hỏi cán bộ” trong menu nhé.
request-withdrawn = Đã rút đơn { $code }. Khi cần, anh/chị có thể gửi đơn mới bất cứ lúc nào ạ.

## Nhà hảo tâm

menu-pledge = 💝 Ủng hộ
menu-my-pledges = 🧾 Khoản ủng hộ của tôi
menu-transparency = 📊 Minh bạch
pledge-title = khoản ủng hộ
pledge-donor-type-prompt = Cảm ơn anh/chị đã muốn đồng hành cùng các em! Anh/chị ủng hộ với tư cách nào ạ?
pledge-donor-individual = Cá nhân
pledge-donor-organization = Doanh nghiệp / tổ chức
pledge-donor-civil-servant = Cán bộ, công chức (một ngày lương)
pledge-name-mode-prompt = Anh/chị muốn ghi tên hay ủng hộ ẩn danh ạ?
pledge-name-mode-anonymous = Ẩn danh
pledge-name-mode-named = Ghi tên
pledge-name-prompt-individual = Anh/chị cho ChoEm biết họ tên của anh/chị nhé.
pledge-name-prompt-organization = Doanh nghiệp hoặc tổ chức của anh/chị tên là gì ạ?
pledge-name-prompt-civil-servant = Anh/chị cho ChoEm biết họ tên và đơn vị công tác nhé (ví dụ: Nguyễn Văn An, Sở Giáo dục và Đào tạo).
pledge-items-prompt = Anh/chị muốn ủng hộ những gì ạ?
pledge-kind-money = 💰 Tiền
pledge-kind-money-words = tiền, tiền mặt, chuyển khoản, money
pledge-kind-devices = 💻 Thiết bị
pledge-kind-devices-words = máy, máy tính, laptop, điện thoại, máy tính bảng, tablet
pledge-kind-data = 📶 Gói data 4G
pledge-kind-data-words = data, 4g, sim, gói cước, gói data
pledge-amount-prompt = Anh/chị ủng hộ bao nhiêu tiền? (Ví dụ: 500000, 500k, 2 triệu hoặc 1,5tr)
pledge-amount-prompt-salary = Một ngày lương của anh/chị là bao nhiêu ạ? (Ví dụ: 350000, 350k hoặc 1,2tr)
pledge-amount-invalid = ChoEm chưa đọc được số tiền này. Anh/chị gõ lại giúp, ví dụ: 500000, 500.000, 500k hoặc 2 triệu.
pledge-amount-zero = Số tiền phải lớn hơn 0 đồng.
pledge-amount-negative = Số tiền không thể là số âm.
pledge-amount-too-small = Số tiền tối thiểu là 1.000 đ. Nếu anh/chị định ủng hộ 500 nghìn, anh/chị gõ 500k nhé.
pledge-amount-too-large = Số tiền vượt quá 10 tỷ đồng. Với khoản lớn như vậy, anh/chị chọn “Hỏi cán bộ” để cán bộ hỗ trợ trực tiếp nhé.
pledge-device-type-prompt = Anh/chị ủng hộ loại thiết bị nào ạ?
pledge-device-laptop = Máy tính xách tay
pledge-device-laptop-words = laptop, máy laptop, notebook, macbook, máy xách tay
pledge-device-tablet = Máy tính bảng
pledge-device-tablet-words = tablet, ipad, máy bảng, tab
pledge-device-phone = Điện thoại thông minh
pledge-device-phone-words = điện thoại, smartphone, đt, dt, iphone, android
pledge-device-count-prompt = Anh/chị ủng hộ bao nhiêu máy? (Từ 1 đến 1.000)
pledge-device-count-invalid = Số máy là một số từ 1 đến 1.000, ví dụ: 5.
pledge-condition-prompt = Máy đang ở tình trạng nào ạ?
pledge-condition-new = Mới
pledge-condition-used-good = Đã dùng, còn tốt
pledge-condition-needs-repair = Cần sửa chữa
pledge-handover-prompt = Anh/chị muốn trao máy thế nào ạ?
pledge-handover-pickup = Nhờ cán bộ đến nhận
pledge-handover-drop-off = Tôi sẽ mang đến điểm nhận
pledge-handover-pickup-at = Cán bộ đến nhận tại: { $address } (điện thoại { $phone })
pledge-address-prompt = Cán bộ đến nhận máy ở địa chỉ nào? (Số nhà, đường, phường/xã)
pledge-carrier-prompt = Gói data thuộc nhà mạng nào?
pledge-data-count-prompt = Anh/chị ủng hộ bao nhiêu gói data? (Từ 1 đến 10.000)
pledge-data-count-invalid = Số gói là một số từ 1 đến 10.000, ví dụ: 20.
pledge-months-prompt = Mỗi gói dùng được bao nhiêu tháng? (Từ 1 đến 12)
pledge-months-invalid = Số tháng là một số từ 1 đến 12, ví dụ: 6.
pledge-phone-prompt = Anh/chị cho ChoEm xin số di động để cán bộ hẹn giờ đến nhận máy nhé (ví dụ: 0912 345 678). ChoEm chỉ dùng số này để hẹn nhận máy.
pledge-show-name-prompt = Anh/chị có đồng ý để chương trình công khai tên trong danh sách nhà hảo tâm không?
pledge-show-name-yes = Đồng ý công khai
pledge-show-name-no = Không công khai
pledge-updates-prompt = Anh/chị có muốn nhận tin từ chương trình (lời kêu gọi ủng hộ, kết quả trao tặng) không?
pledge-updates-yes = Có, tôi muốn nhận tin
pledge-updates-no = Không, cảm ơn
pledge-summary-donor-type = Ủng hộ với tư cách
pledge-summary-name = Tên
pledge-summary-public = công khai
pledge-summary-private = không công khai
pledge-summary-updates = Nhận tin từ chương trình
# Tên từng câu trả lời, cho nút “Sửa” ở phần kiểm tra lại.
pledge-donorType-label = Tư cách ủng hộ
pledge-nameMode-label = Ghi tên hay ẩn danh
pledge-name-label = Tên
pledge-items-label = Ủng hộ gì
pledge-amount-label = Số tiền
pledge-deviceType-label = Loại thiết bị
pledge-deviceCount-label = Số máy
pledge-condition-label = Tình trạng máy
pledge-handover-label = Cách trao máy
pledge-address-label = Địa chỉ nhận máy
pledge-carrier-label = Nhà mạng
pledge-dataCount-label = Số gói data
pledge-months-label = Số tháng mỗi gói
pledge-phone-label = Số điện thoại
pledge-showName-label = Công khai tên
pledge-updates-label = Nhận tin
pledge-item-money = Tiền: { $amount }
pledge-item-devices = Thiết bị: { $count } × { $device } ({ $condition })
pledge-item-data = Gói data: { $count } gói { $carrier }, dùng { $months } tháng
pledge-received-so-far = đã nhận { $amount }
pledge-destination = Nơi nhận: { $school }, { $district }
pledge-status-line = Trạng thái: { $status }
pledge-status-pledged = đã cam kết
pledge-status-received = đã nhận
pledge-status-allocated = đã có trường nhận
pledge-status-delivered = đã trao
pledge-status-cancelled = đã huỷ
pledge-created = ChoEm xin chân thành cảm ơn tấm lòng của anh/chị! Khoản ủng hộ của anh/chị đã được ghi nhận với mã { $code }.
    Anh/chị xem lại bất cứ lúc nào ở mục “Khoản ủng hộ của tôi”, hoặc gõ /ungho { $code }. Khi có tin mới, ChoEm sẽ nhắn anh/chị tại đây.
pledge-next-pickup = Cán bộ sẽ gọi cho anh/chị để hẹn ngày giờ đến nhận máy.
pledge-next-drop-off = Cán bộ sẽ nhắn anh/chị địa chỉ và giờ làm việc của điểm nhận gần nhất.
pledge-next-data = Cán bộ sẽ liên hệ để nhận các gói data và chuyển đến các em đang cần.
pledge-pay-later = Cán bộ chương trình sẽ sớm gửi anh/chị thông tin chuyển khoản.
pledge-pay-details = Anh/chị chuyển khoản { $amount } theo thông tin sau:
    • Ngân hàng: { $bank }
    • Số tài khoản: { $account }
    • Chủ tài khoản: { $holder }
    • Nội dung chuyển khoản: { $note }
    Cách nhanh nhất: mở ứng dụng ngân hàng và quét mã VietQR bên dưới, mọi thông tin sẽ được điền sẵn. Nếu gõ tay, anh/chị nhớ ghi đúng nội dung { $note } để chương trình nhận ra khoản chuyển và báo lại cho anh/chị.
pledge-pay-qr-caption = Mã VietQR cho khoản { $code }: { $amount }
pledge-not-found = ChoEm không tìm thấy khoản ủng hộ { $code } của anh/chị. Anh/chị kiểm tra lại mã giúp ChoEm nhé.
pledge-none-yet = Anh/chị chưa có khoản ủng hộ nào. Nếu muốn đồng hành cùng các em, anh/chị chọn “Ủng hộ” trong menu nhé.
pledge-yours = Các khoản ủng hộ của anh/chị:
pledge-updates-stopped = ChoEm sẽ không gửi lời kêu gọi ủng hộ cho anh/chị nữa. Tin về những khoản anh/chị đã ủng hộ vẫn được gửi như thường ạ.
pledge-what-devices = { $count } thiết bị
pledge-what-data = { $count } gói data
pledge-thanks-received = ChoEm xin chân thành cảm ơn anh/chị! Chương trình đã nhận { $what } cho khoản ủng hộ { $code }.
pledge-thanks-day = ChoEm xin chân thành cảm ơn anh/chị! Hôm nay chương trình đã nhận { $what } cho khoản ủng hộ { $code }.
pledge-thanks-complete = Chương trình đã nhận đủ những gì anh/chị đăng ký ủng hộ. ChoEm sẽ báo anh/chị khi quà có trường nhận.
pledge-thanks-progress = Đến nay chương trình đã nhận:
pledge-notice-allocated = Khoản ủng hộ { $code } của anh/chị sẽ được trao cho { $school } ({ $district }). ChoEm sẽ báo anh/chị khi quà đến tay các em.
pledge-notice-delivered = Quà của anh/chị (khoản { $code }) đã được trao cho các em tại { $school } ({ $district }). Cảm ơn anh/chị đã đồng hành cùng các em!
pledge-notice-cancelled = Khoản ủng hộ { $code } đã được huỷ. Lý do: { $reason }. Nếu có nhầm lẫn, anh/chị chọn “Hỏi cán bộ” trong menu nhé. Cảm ơn anh/chị đã quan tâm đến các em.
pledge-receive-usage = Cách dùng: /nhan UH-XXXXXX <số tiền hoặc số lượng> [ghi chú]. Ví dụ: /nhan UH-7K2M9Q 500k chuyển khoản; /nhan UH-7K2M9Q 3 máy; /nhan UH-7K2M9Q 10 gói.
pledge-allocate-usage = Cách dùng: /phanbo UH-XXXXXX <mã trường> [ghi chú].
pledge-deliver-usage = Cách dùng: /trao UH-XXXXXX [ghi chú].
pledge-cancel-usage = Cách dùng: /huyuh UH-XXXXXX <lý do>. Lý do sẽ được gửi cho nhà hảo tâm.
pledge-staff-not-allowed = Không làm được việc này khi khoản ủng hộ đang ở trạng thái “{ $status }”.
pledge-staff-done = Đã cập nhật, nhà hảo tâm đã được báo.
pledge-staff-received = Đã ghi nhận { $code }: +{ $what } (mục #{ $entry }). Nhà hảo tâm sẽ nhận một lời cảm ơn chung cho những gì nhận được trong ngày.
    Nếu ghi nhầm: /huynhan { $code } { $entry } <lý do>
pledge-staff-received-over = Mục này vượt mức cam kết (đã xác nhận).
pledge-receive-over = { $what } sẽ vượt mức cam kết của { $code } (cam kết { $pledged }, đã nhận { $received }). Nếu đúng là vậy, bấm “Xác nhận ghi nhận”; nếu gõ nhầm, bấm “Bỏ” rồi gõ lại lệnh.
pledge-receive-over-confirm = Xác nhận ghi nhận
pledge-receive-over-drop = Bỏ
pledge-receive-over-dropped = Đã bỏ, chưa ghi nhận gì.
pledge-receive-over-expired = Yêu cầu xác nhận này đã hết hạn (10 phút). Anh/chị gõ lại lệnh /nhan nhé.
pledge-reverse-usage = Cách dùng: /huynhan UH-XXXXXX <số mục> <lý do>. Số mục là “mục #…” trong câu trả lời khi ghi nhận, hoặc cột # trên trang quản trị. Mục cũ vẫn được giữ, kèm một bút toán đảo.
pledge-reverse-done = Đã đảo mục #{ $entry } của { $code } (−{ $what }). Lý do: { $reason }.
pledge-reverse-no-entry = { $code } không có mục #{ $entry } nào đảo được.
pledge-reverse-already = Mục #{ $entry } của { $code } đã được đảo rồi.
pledge-notice-payment = ChoEm kính gửi anh/chị thông tin chuyển khoản cho khoản ủng hộ { $code } (còn { $amount }):
    { $details }
    Anh/chị vui lòng ghi mã { $code } trong nội dung chuyển khoản để chương trình nhận ra khoản chuyển. Xin chân thành cảm ơn tấm lòng của anh/chị!
pledge-receive-no-such-item = Khoản ủng hộ này không có mục đó. Anh/chị ghi rõ số tiền (ví dụ 500k), hoặc số lượng kèm “máy” hay “gói”.
pledge-school-not-found = Không tìm thấy trường có mã “{ $school }” trong danh bạ trường.
pledge-nothing-received-yet = Khoản { $code } chưa nhận được gì nên chưa phân bổ được. Anh/chị ghi nhận bằng /nhan trước nhé.
pledge-transparency-intro = 📊 Minh bạch: số liệu chung của chương trình, không kèm tên ai. Tổng cộng { $pledges } khoản ủng hộ.
pledge-transparency-money = 💰 Tiền: đã cam kết { $pledged }, đã nhận { $received }.
pledge-transparency-devices = 💻 Thiết bị: đã cam kết { $pledged }, đã nhận { $received }, đã trao { $delivered }.
pledge-transparency-data = 📶 Gói data: đã cam kết { $pledged }, đã nhận { $received }.
pledge-transparency-by-level = Quà đã có trường nhận, theo cấp học:
pledge-transparency-by-district = Quà đã có trường nhận, theo khu vực:
pledge-summary-place = { $name }: { $pledges } khoản, { $money }, { $devices } thiết bị, { $data } gói data
campaign-title = lời kêu gọi ủng hộ
campaign-text-prompt = Anh/chị viết lời kêu gọi ủng hộ để gửi tới các nhà hảo tâm đã đồng ý nhận tin.
campaign-summary = Lời kêu gọi dưới đây sẽ được gửi tới mọi nhà hảo tâm đã đồng ý nhận tin:
    “{ $text }”
campaign-header = 📣 Thư từ chương trình “Sóng và máy tính cho em”
campaign-footer = Nếu không muốn nhận những tin như thế này nữa, anh/chị gõ /dunggui nhé.
campaign-queued = Đã xếp lịch gửi lời kêu gọi { $code } tới { $count } nhà hảo tâm. ChoEm sẽ gửi dần từng tin.

## Dữ liệu của tôi: khoản ủng hộ

privacy-pledge = Khoản ủng hộ { $code }: { $details }

## Lớp học và bài giảng

menu-class-new = ➕ Tạo lớp
menu-class-mine = 🏫 Lớp của tôi
menu-class-join = 🎒 Vào lớp của con
menu-clips-recent = 🎬 Bài giảng gần đây
class-yes = Có
class-no = Không
class-invite-usage = Cách dùng: /magv <mã trường>, ví dụ /magv 79001. ChoEm sẽ tạo một mã mời dùng một lần cho một giáo viên của trường đó.
class-teacher-invite-made = Mã mời giáo viên của { $school }: { $code }
    Mã chỉ dùng được một lần. Thầy cô nhận mã thì nhắn cho ChoEm: /giaovien { $code }
class-teacher-usage = Thầy cô nhắn mã mời theo dạng: /giaovien GV-XXXXXX
class-teacher-code-unknown = ChoEm không tìm thấy mã mời { $code }. Thầy cô kiểm tra lại giúp nhé.
class-teacher-code-used = Mã mời { $code } đã có người dùng rồi. Thầy cô xin cán bộ nhà trường một mã mới nhé.
class-teacher-welcome = Chào thầy cô! ChoEm đã ghi nhận thầy cô là giáo viên của { $school }.
    Thầy cô gõ /taolop để tạo lớp và nhận mã lớp cho phụ huynh. Sau đó, thầy cô chỉ cần gửi video, tài liệu, ảnh hoặc đường link bài giảng cho ChoEm. ChoEm sẽ hỏi thầy cô gửi tới lớp nào.
class-not-teacher = Phần này dành cho giáo viên. Nếu thầy cô có mã mời giáo viên (GV-…), thầy cô nhắn: /giaovien GV-XXXXXX
class-create-title = tạo lớp
class-school-prompt = Lớp này thuộc trường nào?
class-name-prompt = Tên lớp là gì? (Ví dụ: 6A1)
class-name-invalid = Tên lớp ngắn gọn, tối đa 12 ký tự, gồm chữ và số, ví dụ 6A1 hoặc 10 Toán.
class-grade-prompt = Lớp này thuộc khối mấy? (Từ 1 đến 12)
class-grade-invalid = Khối lớp là một số từ 1 đến 12, ví dụ 6.
class-year-prompt = Lớp thuộc năm học nào ạ?
class-zalo-prompt = Phụ huynh lớp này có nhóm Zalo do thầy cô quản lý không? (Nếu có, mỗi lần thầy cô gửi bài, ChoEm sẽ gửi kèm một tin soạn sẵn để thầy cô chuyển tiếp vào nhóm.)
class-create-summary = • Trường: { $school }
    • Lớp: { $name } (khối { $grade })
    • Năm học: { $year }
    • Có nhóm Zalo phụ huynh: { $zalo }
class-created = Đã tạo lớp { $name } – { $school }, năm học { $year }.
class-exists = Thầy cô đã có lớp { $name } – { $school }, năm học { $year } rồi ạ. Mã lớp vẫn như cũ:
class-invite-code = 🔑 Mã lớp cho phụ huynh: { $code }
    Phụ huynh dùng Zalo hoặc trang web ChoEm chỉ cần nhắn mã này cho ChoEm.
class-invite-link = 📲 Phụ huynh dùng Telegram bấm vào đường link: { $link }
class-invite-group = 👥 Nếu phụ huynh có nhóm Telegram của lớp: thầy cô thêm ChoEm vào nhóm, rồi gửi trong nhóm: /lienket { $code }
class-invite-qr-caption = Mã QR vào lớp { $name } ({ $code }): phụ huynh mở camera điện thoại quét mã là vào được.
class-zalo-explained = Về nhóm Zalo: ChoEm không tự đăng bài vào nhóm Zalo được. Vì vậy, mỗi lần thầy cô gửi bài, ChoEm sẽ gửi thầy cô một tin có tiêu đề và đường link để thầy cô chuyển tiếp vào nhóm.
class-none-yet = Thầy cô chưa có lớp nào. Thầy cô gõ /taolop để tạo lớp đầu tiên nhé.
class-list-intro = Các lớp của thầy cô:
class-list-line = • { $name } ({ $year }), mã { $code }: { $parents } phụ huynh, { $groups } nhóm đã liên kết
class-which = ChoEm chưa rõ thầy cô muốn chọn lớp nào ({ $typed }). Thầy cô ghi thêm tên hoặc mã lớp, ví dụ: /danhsach 6A1. Gõ /lop để xem các lớp của mình.
class-not-yours = Lớp này không phải lớp của thầy cô, nên ChoEm không làm được việc này.
class-roster-head = Lớp { $name }: { $parents } phụ huynh, { $groups } nhóm đã liên kết.
class-roster-empty = Chưa có phụ huynh nào vào lớp. Thầy cô gửi mã { $code } cho phụ huynh nhé (gõ /moilop { $code } để lấy lại đường link và mã QR).
class-roster-remove-hint = Muốn xoá một phụ huynh khỏi lớp, thầy cô bấm nút ✖️ có số thứ tự tương ứng, hoặc gõ /xoaph { $name } <số thứ tự>.
class-member-direct = nhận bài trực tiếp
class-member-group = chỉ nhận qua nhóm lớp
class-member-blocked = đã chặn ChoEm
class-member-remove-confirm = Phụ huynh của em { $child } sẽ không nhận bài giảng của lớp { $name } nữa. Thầy cô có chắc muốn xoá phụ huynh này khỏi lớp không?
class-member-removed = Đã xoá phụ huynh của em { $child } khỏi lớp { $name }.
class-member-kept = Dạ, ChoEm giữ nguyên danh sách lớp.
class-member-gone = Phụ huynh này không còn trong lớp nữa.
class-link-in-group = Lệnh /lienket dùng trong nhóm phụ huynh: thầy cô thêm ChoEm vào nhóm Telegram của lớp rồi gửi /lienket LOP-XXXXXX ngay trong nhóm.
class-link-usage = Cách dùng: /lienket LOP-XXXXXX (mã lớp thầy cô nhận được khi tạo lớp).
class-link-teacher-only = Chỉ giáo viên của lớp mới liên kết được nhóm với lớp.
class-linked = ✅ Đã liên kết nhóm này với lớp { $name } – { $school }. Từ nay bài giảng của lớp sẽ được gửi vào nhóm.
class-group-hello = Chào cả nhà! ChoEm sẽ giúp gửi bài giảng của lớp vào nhóm này. Thầy cô chủ nhiệm gửi /lienket kèm mã lớp (dạng LOP-XXXXXX) trong nhóm để liên kết nhé.
class-join-how = Để vào lớp của con, anh/chị nhắn cho ChoEm mã lớp thầy cô gửi (dạng LOP-XXXXXX). Hoặc anh/chị bấm vào đường link vào lớp thầy cô gửi.
class-join-private-only = Phụ huynh vui lòng nhắn riêng cho ChoEm để vào lớp, không gửi trong nhóm nhé.
class-not-found = ChoEm không tìm thấy lớp có mã { $code }. Anh/chị kiểm tra lại mã lớp thầy cô gửi giúp ChoEm nhé.
class-join-title = vào lớp
class-join-consent = Anh/chị đang vào lớp { $name } – { $school }. Trước khi vào, ChoEm xin phép anh/chị:
    • ChoEm sẽ hỏi: họ tên của con và cách anh/chị muốn nhận bài giảng.
    • Dùng để: thầy cô biết phụ huynh của em nào đã vào lớp và gửi bài giảng cho đúng người.
    • Ai được xem: chỉ giáo viên của lớp. Các phụ huynh khác không thấy tên của con.
    • Anh/chị có thể xem và xoá dữ liệu bất cứ lúc nào ở mục “Dữ liệu của tôi”.
    Anh/chị có đồng ý không?
class-join-agree = Tôi đồng ý
class-join-decline = Không đồng ý
class-join-declined = ChoEm hiểu ạ. ChoEm không lưu thông tin gì của anh/chị. Khi nào cần, anh/chị chỉ việc nhắn lại mã lớp nhé.
class-join-child-prompt = Họ và tên của con là gì? (Ví dụ: Nguyễn Thị Hà. Nếu có hai con học cùng lớp, anh/chị ghi cả hai tên, cách nhau bằng dấu phẩy.)
class-child-name-invalid = Họ tên chỉ gồm chữ cái, dài từ 2 đến 80 ký tự, ví dụ: Nguyễn Thị Hà.
class-join-delivery-prompt = Anh/chị muốn nhận bài giảng của lớp thế nào ạ?
class-delivery-direct = 📩 Gửi thẳng cho tôi
class-delivery-group = 👥 Chỉ qua nhóm lớp
class-join-summary = • Lớp: { $name }
    • Họ tên của con: { $child }
    • Nhận bài giảng: { $delivery }
class-joined-direct = 🎉 Anh/chị đã vào lớp { $name }. Bài giảng mới của lớp sẽ được gửi thẳng cho anh/chị tại đây. Cảm ơn anh/chị!
class-joined-group = 🎉 Anh/chị đã vào lớp { $name }. Bài giảng sẽ được gửi vào nhóm của lớp. Khi lớp chưa có nhóm, ChoEm sẽ gửi cho anh/chị tại đây. Cảm ơn anh/chị!
class-join-already = Anh/chị đã ở trong lớp { $name } rồi ạ.
class-joined-recent = Trong { $days } ngày qua, lớp đã có { $count } bài giảng. Anh/chị có muốn xem lại không?
class-joined-recent-button = 🎬 Gửi cho tôi các bài đó
clip-push-title = gửi bài giảng
clip-no-class = Thầy cô chưa có lớp nào để gửi bài. Thầy cô gõ /taolop để tạo lớp trước nhé.
clip-push-classes-prompt = Thầy cô muốn gửi bài này tới lớp nào?
clip-push-makeup-prompt = Đây có phải bài dạy bù không?
clip-push-makeup-no = Bài học thường
clip-push-makeup-yes = Bài dạy bù
clip-push-title-prompt = Thầy cô đặt tiêu đề cho bài nhé (ví dụ: Toán – Bài 5: Phân số). Nếu không cần, thầy cô chọn “Bỏ qua”.
clip-push-paper-prompt = Lớp có gia đình nhận bài giấy vì nhà chưa có thiết bị học trực tuyến. Bài này có bản giấy cho các gia đình đó không?
clip-push-paper-no = Không có bản giấy
clip-push-paper-yes = Có bản giấy
clip-push-paper-place-prompt = Phụ huynh nhận bài giấy ở đâu? (Ví dụ: Phòng bảo vệ, cổng trường)
clip-push-paper-from-prompt = Phụ huynh nhận được từ lúc nào? Thầy cô gõ ngày và giờ, ví dụ: 05/12 7h30.
clip-push-paper-summary = • Bài giấy: nhận tại { $place }, từ { $from } ({ $count } gia đình)
clip-paper-told = 📄 ChoEm đang báo cho { $count } gia đình nhận bài giấy nơi và giờ nhận.
clip-progress-paper = Bài giấy: { $collected }/{ $total } gia đình đã nhận.
paper-notice = 📄 Bài giấy của lớp { $classes }: { $title }.
    Anh/chị nhận bài tại { $place }, từ { $from }. Khi anh/chị nhận, nhà trường sẽ đánh dấu đã nhận. Cảm ơn anh/chị!
paper-roster-head = Bài giấy – lớp { $name }: { $count } gia đình nhận bài giấy (đánh dấu 📄).
paper-roster-suggested = gợi ý: đơn xin máy ghi nhà chưa có thiết bị
paper-roster-hint = Gõ /baigiay { $name } và số thứ tự (ví dụ: /baigiay { $name } 2, 5) để đánh dấu hoặc bỏ đánh dấu. Các gia đình được đánh dấu sẽ được báo khi thầy cô gửi bài có bản giấy.
paper-roster-number = Lớp { $name } có { $count } phụ huynh. Thầy cô gõ số thứ tự trong danh sách, ví dụ: /baigiay { $name } 2.
clip-push-summary = • Nội dung: { $kind }
    • Lớp: { $classes }
    • Loại bài: { $makeUp }
    • Tiêu đề: { $title }
clip-push-reach = Bài sẽ được gửi tới { $groups } nhóm và { $parents } phụ huynh.
clip-push-reach-forward = Ngoài ra, ChoEm sẽ gửi thầy cô { $count } tin soạn sẵn để chuyển tiếp vào nhóm Zalo của lớp.
clip-kind-video = video
clip-kind-document = tài liệu
clip-kind-photo = ảnh
clip-kind-link = đường link
clip-kind-text = tin nhắn chữ
clip-queued = ✅ Đã xếp lịch gửi bài { $code } tới { $groups } nhóm và { $parents } phụ huynh. ChoEm gửi dần từng tin và sẽ báo thầy cô khi xong. Xem tiến độ: /tiendo { $code }
clip-forward-coming = 📨 Thầy cô sẽ nhận { $count } tin để chuyển tiếp vào nhóm Zalo của lớp: nhấn giữ tin đó rồi chọn “Chuyển tiếp”.
clip-nobody = Bài { $code } đã được lưu, nhưng lớp chưa có phụ huynh hay nhóm nào để gửi. Phụ huynh vào lớp sau vẫn xem lại được bằng lệnh /baicu.
clip-header = 📚 Bài giảng lớp { $name }
clip-header-makeup = 🔁 Bài dạy bù lớp { $name }
clip-file-name = Tệp: { $name }
clip-code-usage = Thầy cô ghi kèm mã bài, ví dụ: /tiendo BG-7K2M9Q (mã có trong tin xác nhận khi gửi bài).
clip-not-found = ChoEm không tìm thấy bài { $code } trong các bài thầy cô đã gửi.
clip-progress = Bài { $code }: đã gửi { $sent }/{ $total }, { $failed } lỗi, { $blocked } đã chặn ChoEm, { $uncertain } chưa rõ, còn { $waiting } đang chờ gửi.
clip-report = 📬 Bài { $code } đã gửi xong: { $sent }/{ $total } đã nhận, { $blocked } đã chặn ChoEm, { $failed } lỗi, { $uncertain } chưa rõ.
clip-report-resend = Gõ /guilai { $code } để gửi lại cho những nơi bị lỗi hoặc chưa rõ.
clip-report-uncertain = “Chưa rõ” là những lần gửi bị gián đoạn giữa chừng: có thể phụ huynh đã nhận được rồi, nên ChoEm không tự gửi lại để tránh gửi trùng.
clip-resending = Đang gửi lại bài { $code } cho { $count } nơi. ChoEm sẽ báo thầy cô khi xong.
clip-nothing-to-resend = Bài { $code } không có nơi nào bị lỗi cần gửi lại.
clip-catchup-no-class = Anh/chị chưa vào lớp nào. Anh/chị nhắn mã lớp thầy cô gửi (dạng LOP-XXXXXX) để vào lớp nhé.
clip-catchup-none = Trong { $days } ngày qua, lớp của con chưa có bài giảng nào.
clip-catchup-intro = Đây là { $count } bài giảng trong { $days } ngày qua, bài mới nhất ở cuối:
clip-page-invalid = Đường link không hợp lệ
clip-page-expired = Đường link đã hết hạn. Anh/chị nhắn /baicu cho ChoEm để nhận lại bài giảng nhé.
clip-page-gone = Không tìm thấy bài giảng này
clip-page-unavailable = Tệp này hiện không tải được (có thể tệp quá lớn hoặc đã bị xoá). Anh/chị xem bài trong Telegram, hoặc nhờ thầy cô gửi lại nhé.
clip-link-confirm-title = Bài giảng này mở một trang web khác
clip-link-confirm-body = Thầy cô đã gửi một đường link tới trang ngoài ChoEm. Anh/chị xem kỹ địa chỉ dưới đây trước khi mở nhé:
clip-link-confirm-open = Mở trang { $host }
clip-link-refused = Đường link trong bài giảng này không mở được. Anh/chị nhờ thầy cô gửi lại nhé.

## Dữ liệu của tôi: lớp học

privacy-class-member = Con tham gia lớp { $class } với tên: { $child } (nhận bài giảng qua ChoEm)
privacy-teacher = Thầy cô giáo của { $school } (từ mã mời của cán bộ)
privacy-teacher-class = Lớp { $name } ({ $code }) do thầy cô tạo
privacy-teacher-clips = { $count } bài giảng thầy cô đã gửi qua ChoEm

## Bài giảng: ngoài thời hạn 7 ngày của Zalo OA

clip-report-outside-window = { $count } phụ huynh trên Zalo OA đã hơn 7 ngày không nhắn cho ChoEm, nên Zalo không cho gửi. Thầy cô vui lòng báo các phụ huynh này cách khác, ví dụ chuyển tiếp bài vào nhóm Zalo của lớp. Khi phụ huynh nhắn lại cho ChoEm, thầy cô gõ /guilai để gửi.
