# ChoEm — tiếng Việt (ngôn ngữ mặc định).
# Mỗi khoá ở đây phải có trong en.ftl và ngược lại (test/locales.test.ts kiểm tra).

## Menu chính và lệnh chung

menu-welcome = Xin chào! Đây là ChoEm, trợ lý của chương trình “Sóng và máy tính cho em”. ChoEm giúp các em học trực tuyến có máy tính và kết nối Internet.
    Bạn cần gì ạ?
menu-intro = Bạn cần gì ạ?
menu-language = 🌐 Ngôn ngữ / Language
menu-resume = ▶️ Tiếp tục phần đang điền
menu-dialog-in-progress = Bạn đang điền dở: { $form }. Chọn “Tiếp tục” để làm tiếp, hoặc gõ /huy để bỏ.
language-choose = Chọn ngôn ngữ / Choose your language:
language-switched = Đã chuyển sang tiếng Việt.
help = ChoEm giúp phụ huynh xin máy tính hoặc hỗ trợ kết nối cho con, giúp nhà hảo tâm ủng hộ, và giúp thầy cô gửi bài giảng đến phụ huynh.
    Các lệnh:
    /start — menu chính
    /huy — huỷ phần đang điền
    /ngonngu — đổi ngôn ngữ
    /trogiup — hướng dẫn này
    Khi đang điền, bạn luôn có thể gõ “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.
nothing-to-cancel = Hiện không có gì để huỷ. Gõ /start để xem menu.
unknown-command = ChoEm chưa hiểu lệnh /{ $command }. Gõ /trogiup để xem các lệnh.
hint-unsupported = ChoEm chưa đọc được loại tin nhắn này (nhãn dán, tin nhắn thoại…). Bạn vui lòng gõ chữ hoặc chọn trong menu nhé.
hint-not-expected = ChoEm chưa cần ảnh hay tệp lúc này. Bạn vui lòng chọn một mục trong menu nhé.
hint-not-understood = ChoEm chưa hiểu ý bạn. Bạn vui lòng chọn một mục trong menu nhé.
rate-limited = Bạn gửi hơi nhanh, ChoEm xin tạm nghỉ một chút. Khoảng một phút nữa bạn gửi lại giúp nhé.
error-sorry = Xin lỗi, ChoEm vừa gặp trục trặc. Những gì bạn đã điền vẫn được giữ; bạn thử gửi lại sau ít phút nhé.
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
dialog-summary-intro = Bạn kiểm tra lại giúp ChoEm nhé:
dialog-multi-hint = (Chọn được nhiều mục; chọn xong thì bấm “Xong”. Trên Zalo, gõ các số cách nhau bởi dấu phẩy, ví dụ: 1, 3.)
dialog-typed-nav = (Gõ “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.)
dialog-typed-nav-skip = (Gõ “bỏ qua” nếu không có, “quay lại” để sửa câu trước, hoặc “huỷ” để dừng.)
dialog-skipped = (bỏ qua)
dialog-confirm-again = Bạn chọn “Xác nhận” để gửi, “Quay lại” để sửa, hoặc “Huỷ” nhé.
dialog-cancelled = Đã huỷ. ChoEm không lưu gì từ phần vừa điền. Gõ /start khi bạn cần.
dialog-already-done = Phần này đã được ghi nhận rồi ạ, bạn không cần gửi lại.
error-choose-option = Bạn vui lòng chọn một trong các lựa chọn bên dưới (trả lời bằng số từ 1 đến { $count } cũng được).
error-choose-options = Bạn vui lòng chọn trong danh sách (có thể gõ các số, ví dụ: 1, 3).
error-pick-at-least-one = Bạn chọn ít nhất một mục rồi bấm “Xong” nhé.
error-old-button = Nút này thuộc một tin nhắn cũ. Bạn dùng các nút ở tin nhắn mới nhất nhé.
error-expected-text = ChoEm cần bạn trả lời bằng chữ ở câu này.
error-invalid = Câu trả lời chưa đúng dạng ChoEm cần. Bạn thử lại nhé.
error-empty = Bạn chưa nhập gì. Bạn vui lòng trả lời giúp ChoEm nhé.
error-too-short = Câu trả lời hơi ngắn. Bạn viết rõ hơn một chút nhé.
error-too-long = Câu trả lời dài quá. Bạn viết gọn lại giúp ChoEm nhé.
error-no-letters = ChoEm cần câu trả lời bằng chữ (không chỉ biểu tượng cảm xúc hay con số).

## Số điện thoại

phone-empty = Bạn chưa nhập số điện thoại.
phone-not-digits = Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.
phone-foreign = ChoEm chỉ nhận số di động Việt Nam (bắt đầu bằng 0 hoặc +84).
phone-landline = Đây có vẻ là số máy bàn. ChoEm cần số di động, ví dụ 0912 345 678.
phone-wrong-length = Số di động Việt Nam có 10 chữ số, ví dụ 0912 345 678. Bạn kiểm tra lại giúp nhé.
phone-unknown-network = Đầu số này không phải số di động Việt Nam. Bạn kiểm tra lại giúp nhé.

## Hỏi cán bộ

menu-support = 🙋 Hỏi cán bộ
support-title = câu hỏi gửi cán bộ
support-topic-prompt = Bạn muốn hỏi về việc gì?
support-topic-device = Xin máy tính
support-topic-connectivity = Kết nối Internet
support-topic-donation = Ủng hộ
support-topic-class = Lớp học, bài giảng
support-topic-other = Việc khác
support-question-prompt = Bạn viết câu hỏi của mình nhé. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này.
support-phone-prompt = Nếu muốn cán bộ gọi lại, bạn cho ChoEm số điện thoại di động (ví dụ 0912 345 678). Nếu không, chọn “Bỏ qua”.
support-topic-label = Về việc
support-question-label = Câu hỏi
support-phone-label = Số điện thoại
support-created = Đã gửi câu hỏi cho cán bộ. Mã câu hỏi của bạn: { $code }. Cán bộ sẽ trả lời trong cuộc trò chuyện này, thường trong giờ hành chính.
support-call-back = Cán bộ có thể gọi lại cho bạn theo số { $phone }.
