## Handover of matched gifts (src/features/handover/): console pages for staff, and the parent's
## "Đã nhận" in chat. Parents are "anh/chị".

## In chat, to the parent
handover-ask-confirm = 🎁 Nhà trường đã trao { $what } cho em { $pupil }. Anh/chị bấm “Đã nhận” để xác nhận giúp ChoEm nhé.
handover-confirm-button = Đã nhận
handover-confirm-words = đã nhận, nhận rồi, đã nhận rồi, đã nhận được, con đã nhận, nhà đã nhận
handover-confirmed = Cảm ơn anh/chị đã xác nhận. Chúc em học tốt!
handover-confirm-already = ChoEm đã ghi nhận xác nhận của anh/chị rồi. Cảm ơn anh/chị!
handover-confirm-not-yet = Món quà này chưa được ghi là đã trao. Khi nhận được, anh/chị bấm lại nhé.
handover-confirm-not-yours = Nút này dành cho phụ huynh nhận quà. Anh/chị không cần làm gì thêm.
handover-back-to-waiting = Thiết bị dành cho em { $pupil } chưa trao được, nên đơn { $code } được xếp lại vào danh sách chờ. ChoEm sẽ báo anh/chị ngay khi có thiết bị mới. Mong anh/chị thông cảm.
handover-a-pupil = nhà mình

## The console
handover-nav = Bàn giao
handover-title = Bàn giao quà
handover-landing-intro = Chọn trường để xem danh sách bàn giao, in hoặc tải PDF.
handover-overdue-count = { $count } lượt đã trao quá { $days } ngày mà phụ huynh chưa xác nhận.
handover-none = Chưa có trường nào có quà chờ bàn giao.
handover-school = Trường
handover-open = Đang mở
handover-overdue = Chưa xác nhận
handover-list-title = Danh sách bàn giao – { $school }
handover-print-title = DANH SÁCH BÀN GIAO THIẾT BỊ / GÓI DỮ LIỆU
handover-date = Ngày { $date }
handover-print = In từ trình duyệt (Ctrl+P): trang in có tên trường, ngày và cột chữ ký.
handover-pdf = Tải PDF
handover-all = Tất cả
handover-filter-unconfirmed = chưa xác nhận
handover-col-no = STT
handover-col-pupil = Học sinh
handover-col-class = Lớp
handover-col-device = Thiết bị
handover-col-lot = Lô
handover-col-serial = Số máy (serial)
handover-col-status = Trạng thái
handover-col-collect = Nơi, giờ nhận
handover-col-signature = Chữ ký
handover-erased = (đã xoá theo yêu cầu)
handover-withdrawn = phụ huynh đã rút yêu cầu
handover-status-matched = chờ trao
handover-status-handed-over = đã trao, chờ phụ huynh xác nhận
handover-status-confirmed = phụ huynh đã xác nhận
handover-status-returned = đã trả về kho
handover-overdue-mark = quá { $days } ngày chưa xác nhận
handover-data = Gói dữ liệu { $carrier } · { $months } tháng
handover-from = từ { $date }
handover-serial-label = Số máy (không bắt buộc)
handover-mark = Đã trao
handover-details = Chi tiết, trả về kho
handover-line-title = Lượt bàn giao { $code }
handover-done-handed-over = Đã ghi nhận trao quà. Phụ huynh được mời xác nhận trong tin nhắn.
handover-done-returned = Đã trả về kho.
handover-serial-bad = Số máy chỉ gồm chữ, số, dấu cách và . / _ -, từ 2 đến 40 ký tự.
handover-not-open = Lượt này không còn ở trạng thái đó (có thể người khác vừa thao tác). Anh/chị tải lại trang nhé.
handover-request-closed = Đơn của phụ huynh đã đóng ({ $from }): không ghi trao được. Anh/chị trả lượt này về kho.
handover-return-title = Trả về kho
handover-return-reason = Lý do
handover-return-note = Ghi chú
handover-return-submit = Trả về kho
handover-return-need-note = Với lý do “khác”, anh/chị ghi rõ vài chữ.
handover-reason-moved-away = Chuyển đi nơi khác
handover-reason-duplicate = Đơn trùng
handover-reason-withdrawn = Phụ huynh rút yêu cầu
handover-reason-unreachable = Không liên lạc được
handover-reason-other = Khác
