## Handover of matched gifts (src/features/handover/): console pages for staff, and the parent's
## "Received" in chat.

## In chat, to the parent
handover-ask-confirm = 🎁 The school has handed { $what } to { $pupil }. Please tap “Received” to confirm it for ChoEm.
handover-confirm-button = Received
handover-confirm-words = received, got it, we got it, we received it, đã nhận
handover-confirmed = Thank you for confirming. We wish your child well with their studies!
handover-confirm-already = ChoEm already has your confirmation. Thank you!
handover-confirm-not-yet = This gift is not recorded as handed over yet. Please tap again once you have it.
handover-confirm-not-yours = This button is for the parent receiving the gift. Nothing else is needed from you.
handover-back-to-waiting = The device for { $pupil } could not be handed over, so request { $code } is back on the waiting list. ChoEm will tell you as soon as another device is ready. Thank you for your patience.
handover-a-pupil = your child

## The console
handover-nav = Handover
handover-title = Handover of gifts
handover-landing-intro = Choose a school to see its handover list, print it or download the PDF.
handover-overdue-count = { $count } handed over more than { $days } days ago and not yet confirmed by the parent.
handover-none = No school has gifts waiting for handover.
handover-school = School
handover-open = Open
handover-overdue = Unconfirmed
handover-list-title = Handover list – { $school }
handover-print-title = HANDOVER LIST OF DEVICES / DATA PACKAGES
handover-date = Date { $date }
handover-print = Print from the browser (Ctrl+P): the printout has the school, the date and a signature column.
handover-pdf = Download PDF
handover-all = All
handover-filter-unconfirmed = unconfirmed
handover-col-no = No.
handover-col-pupil = Pupil
handover-col-class = Class
handover-col-device = Device
handover-col-lot = Lot
handover-col-serial = Serial number
handover-col-status = Status
handover-col-collect = Where, when
handover-col-signature = Signature
handover-erased = (erased on request)
handover-withdrawn = the parent withdrew the request
handover-status-matched = waiting for handover
handover-status-handed-over = handed over, waiting for the parent's confirmation
handover-status-confirmed = confirmed by the parent
handover-status-returned = returned to stock
handover-overdue-mark = unconfirmed for over { $days } days
handover-data = { $carrier } data package · { $months } months
handover-from = from { $date }
handover-serial-label = Serial number (optional)
handover-mark = Handed over
handover-details = Details, return to stock
handover-line-title = Handover line { $code }
handover-done-handed-over = Handover recorded. The parent is asked to confirm in chat.
handover-done-returned = Returned to stock.
handover-serial-bad = A serial number has letters, digits, spaces and . / _ - only, 2 to 40 characters.
handover-not-open = This line is no longer in that state (someone may just have acted on it). Please reload the page.
handover-request-closed = The parent's request is closed ({ $from }): it cannot be handed over. Please return this line to stock.
handover-return-title = Return to stock
handover-return-reason = Reason
handover-return-note = Note
handover-return-submit = Return to stock
handover-return-need-note = For “other”, please write a few words.
handover-reason-moved-away = Moved away
handover-reason-duplicate = Duplicate request
handover-reason-withdrawn = The parent withdrew the request
handover-reason-unreachable = Not reachable
handover-reason-other = Other
