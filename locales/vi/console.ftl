## The staff console (src/features/console/, src/features/staff/). Staff are "thầy cô" or
## "anh/chị" colleagues; the console speaks to them plainly, one action per sentence.

## In chat
console-link-answer = 🔐 Đường link đăng nhập trang quản lý (dùng một lần, trong { $minutes } phút):
    { $link }
    Xin đừng chuyển đường link này cho ai.
console-code-bound = ✅ Đã đăng nhập trên máy tính đang hiện mã này. Nếu không phải anh/chị vừa đăng nhập, mở { $console } → Tài khoản → “Đăng xuất mọi nơi”.
console-code-gone = Mã { $code } đã hết hạn hoặc không còn dùng được. Anh/chị tải lại trang đăng nhập để lấy mã mới nhé.
staff-appointment-usage = Cách dùng: gửi mã cán bộ theo dạng CB-XXXXXX.
staff-appointment-not-found = ChoEm không tìm thấy mã { $code }. Anh/chị kiểm tra lại giúp nhé.
staff-appointment-used = Mã { $code } đã có người dùng. Anh/chị xin người mời một mã mới nhé.
staff-appointment-expired = Mã { $code } đã hết hạn. Anh/chị xin người mời một mã mới nhé.
staff-appointment-revoked = Mã { $code } đã bị huỷ. Anh/chị liên hệ người mời nhé.
staff-appointment-welcome = Chào anh/chị! ChoEm đã ghi nhận anh/chị là cán bộ chương trình. Nhắn /dangnhap để vào trang quản lý: { $console }
privacy-staff = Cán bộ chương trình: { $level } (tên hiển thị: { $name })
staff-level-province = Cán bộ Sở (toàn tỉnh)
staff-level-area = Cán bộ phường/xã
staff-level-school = Cán bộ nhà trường
staff-scope-all = toàn tỉnh

## Frame of every page
console-brand = ChoEm · Quản lý
console-skip = Bỏ qua, đến nội dung chính
console-other-language = English
console-account = Tài khoản
console-sign-out = Đăng xuất
console-sections = Các mục
console-back = Quay lại
console-not-found-title = Không tìm thấy
console-not-found = Trang này không có, hoặc nằm ngoài phạm vi anh/chị được xem.
console-filter = Lọc
console-older = Cũ hơn

## Sign-in
console-signin-title = Đăng nhập
console-signin-by-link = Trên điện thoại: nhắn /dangnhap cho ChoEm trên Zalo hoặc Telegram, rồi bấm vào đường link ChoEm gửi lại.
console-signin-by-code-title = Trên máy tính
console-signin-by-code = Gửi mã dưới đây cho ChoEm trong cuộc trò chuyện của anh/chị. Mã dùng được trong { $minutes } phút.
console-signin-code-note = Trang sẽ tự mở khi ChoEm nhận được mã.
console-signin-link-confirm = Anh/chị bấm nút dưới đây để đăng nhập trên trình duyệt này.
console-signin-link-button = Đăng nhập
console-link-invalid = Đường link đăng nhập đã dùng rồi hoặc đã hết hạn. Anh/chị nhắn /dangnhap để nhận link mới, hoặc dùng mã bên dưới.
console-code-expired = Mã đã hết hạn.
console-code-new = Lấy mã mới

## Home and account
console-home-title = Trang chính
console-home-hello = Xin chào, { $name }!
console-home-scope = { $level } · phạm vi: { $scope }
console-alerts-title = Báo tin trong chat
console-alerts-on = ChoEm đang báo cho anh/chị khi có câu hỏi mới trong phạm vi của anh/chị.
console-alerts-off = ChoEm không báo câu hỏi mới cho anh/chị.
console-alerts-turn-off = Tắt báo tin
console-alerts-turn-on = Bật báo tin
console-alerts-saved = Đã lưu.
console-sessions-title = Các phiên đăng nhập
console-session-browser = Trình duyệt
console-session-since = Đăng nhập lúc
console-session-last = Lần cuối
console-session-this = máy này
console-session-end = Đăng xuất phiên này
console-session-ended = Đã đăng xuất phiên đó.
console-sessions-end-all = Đăng xuất mọi nơi
console-session-unknown-browser = Trình duyệt khác
console-session-browser-on = { $browser } trên { $system }

## Staff
console-nav-staff = Cán bộ
console-staff-appoint-title = Mời một cán bộ
console-staff-name = Họ tên
console-staff-level = Vai trò
console-staff-places = Phạm vi
console-staff-places-help = Cán bộ phường/xã: tên phường hoặc xã. Cán bộ nhà trường: mã trường. Nhiều nơi thì cách nhau bằng dấu phẩy.
console-staff-appoint = Tạo mã mời
console-staff-code-made-title = Mã mời đã tạo
console-staff-code-made = Anh/chị gửi mã này cho người được mời; họ nhắn mã cho ChoEm là xong. Mã dùng một lần, đến { $expires }.
console-staff-members = Cán bộ trong phạm vi của anh/chị
console-staff-change = Đổi vai trò hoặc phạm vi
console-staff-save = Lưu
console-staff-revoke = Thu hồi quyền
console-staff-open-codes = Mã mời chưa dùng
console-staff-code = Mã
console-staff-expires = Hết hạn
console-staff-revoke-code = Huỷ mã
console-staff-areas-needed = Anh/chị ghi tên phường hoặc xã của cán bộ này.
console-staff-schools-needed = Anh/chị ghi mã trường của cán bộ này.
console-staff-area-unknown = Có phường/xã không có trong danh bạ trường. Anh/chị chọn trong danh sách gợi ý nhé.
console-staff-school-unknown = Có mã trường không có trong danh bạ. Anh/chị kiểm tra lại giúp nhé.
console-staff-level-needed = Anh/chị chọn vai trò.
console-staff-outside-scope = Phạm vi này rộng hơn phạm vi của anh/chị.

## Audit log
console-nav-audit = Nhật ký
console-audit-when = Lúc
console-audit-actor = Người làm
console-audit-action = Việc
console-audit-target = Hồ sơ
console-audit-detail = Ghi chú
console-audit-none = Không có dòng nào.

## Requests
console-nav-requests = Yêu cầu
console-any = Tất cả
console-next-page = Trang sau
console-requests-search = Tìm theo mã hoặc tên em
console-requests-kind = Loại
console-requests-status = Trạng thái
console-requests-school = Trường
console-requests-circumstance = Hoàn cảnh
console-requests-from = Từ ngày
console-requests-to = Đến ngày
console-requests-duplicates = Chỉ đơn có thể trùng
console-requests-select = Chọn
console-requests-select-one = Chọn { $code }
console-requests-code = Mã
console-requests-who = Em / nơi ở
console-requests-when = Gửi lúc
console-requests-none = Không có đơn nào khớp điều kiện.
console-requests-maybe-duplicate = có thể trùng
console-requests-bulk-verify = Xác minh các đơn đã chọn
console-requests-bulk-approve = Duyệt các đơn đã chọn
console-requests-bulk-done = Đã chuyển { $count } đơn. Phụ huynh đã được báo.
console-requests-bad-page = Trang này không còn. Anh/chị bắt đầu lại từ trang đầu nhé.
console-requests-search-short = Anh/chị gõ ít nhất 2 chữ cái của tên, hoặc mã YC-… đầy đủ.
console-back-to-requests = ← Danh sách yêu cầu
console-request-fields = Phụ huynh đã khai
console-request-duplicate-of = Đơn có thể trùng: { $code }
console-request-open = Mở { $code }
console-request-actions = Xử lý
console-request-action-verified = Đã xác minh
console-request-action-approved = Duyệt
console-request-action-delivered = Đã trao
console-request-action-rejected = Không duyệt
console-request-reject-reason = Lý do không duyệt
console-request-reject-words = Ghi thêm cho phụ huynh (không bắt buộc, trừ khi chọn “Lý do khác”)
console-request-history = Quá trình
console-request-by-parent = phụ huynh
console-request-told = Phụ huynh đã được báo
console-request-told-nothing = Chưa có tin nào ngoài mã đơn khi phụ huynh gửi.
console-request-no-action = Việc này không làm được với đơn này.
console-request-reason-needed = Anh/chị chọn lý do, hoặc ghi lý do khi chọn “Lý do khác”.
console-request-moved-already = Đơn vừa được người khác chuyển trạng thái. Đây là trạng thái mới nhất.

## Help desk (src/features/support/pages.ts)
console-nav-helpdesk = Hỏi đáp
console-helpdesk-tabs = Các nhóm câu hỏi
console-helpdesk-tab-new = Mới
console-helpdesk-tab-mine = Của tôi
console-helpdesk-tab-waiting = Đang chờ trả lời
console-helpdesk-tab-closed = Đã đóng
console-helpdesk-empty = Không có câu hỏi nào ở đây.
console-helpdesk-code = Mã
console-helpdesk-question = Câu hỏi
console-helpdesk-school = Trường
console-helpdesk-no-school = chưa rõ (cấp tỉnh)
console-helpdesk-created = Gửi lúc
console-helpdesk-holder = Người trả lời
console-helpdesk-overdue = Chờ quá { $hours } giờ
console-helpdesk-ticket-title = Câu hỏi { $code }
console-helpdesk-phone = Số gọi lại: { $phone }
console-helpdesk-unassigned = Chưa ai nhận
console-helpdesk-held-by = { $name } đang trả lời
console-helpdesk-held-by-me = Bạn đang trả lời
console-helpdesk-closed-at = Đã đóng lúc { $at }
console-helpdesk-ended-by-person = Người hỏi đã kết thúc lúc { $at }
console-helpdesk-assign = Nhận trả lời
console-helpdesk-assigned = Đã nhận. Từ giờ, tin người hỏi nhắn sẽ vào câu hỏi này.
console-helpdesk-taken = { $name } đã nhận câu hỏi này.
console-helpdesk-closed-already = Câu hỏi này đã đóng.
console-helpdesk-conversation = Trao đổi
console-helpdesk-from-person = Người hỏi
console-helpdesk-from-staff = { $name }
console-helpdesk-from-note = Ghi chú của { $name }
console-helpdesk-closing-label = lời đóng câu hỏi
console-helpdesk-reply = Trả lời
console-helpdesk-reply-help = Câu trả lời đến người hỏi ngay trong cuộc trò chuyện của họ.
console-helpdesk-send = Gửi trả lời
console-helpdesk-note = Ghi chú nội bộ
console-helpdesk-note-help = Người hỏi không nhận được ghi chú, nhưng xem được khi mở “Dữ liệu của tôi”.
console-helpdesk-add-note = Thêm ghi chú
console-helpdesk-closing = Lời đóng câu hỏi (gửi tới người hỏi)
console-helpdesk-close = Đóng câu hỏi
console-helpdesk-text-needed = Hãy viết nội dung trước khi gửi.
console-helpdesk-done-reply = Đã gửi trả lời.
console-helpdesk-done-note = Đã thêm ghi chú.
console-helpdesk-done-close = Đã đóng câu hỏi và gửi lời đóng tới người hỏi.
