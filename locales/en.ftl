# ChoEm — English.
# Every key here must exist in vi.ftl and back (test/locales.test.ts checks).

## Main menu and general commands

menu-welcome = Hello! This is ChoEm, the assistant of the programme “Waves and computers for kids”. The programme helps pupils who learn online get a computer and an Internet connection.
    How can ChoEm help you?
menu-intro = How can ChoEm help you?
menu-language = 🌐 Ngôn ngữ / Language
menu-resume = ▶️ Continue where you left off
menu-dialog-in-progress = You were filling in: { $form }. Choose “Continue” to go on, or type /cancel to drop it.
menu-after-form = What else can ChoEm help you with?
language-choose = Chọn ngôn ngữ / Choose your language:
language-switched = Switched to English.
help = ChoEm helps parents ask for a computer or connectivity help for their child, helps donors give, and helps teachers send lessons to parents.
    Commands:
    /start — main menu
    /cancel — cancel what you are filling in
    /language — change language
    /help — this help
    /lookup — your requests; /withdraw — withdraw one
    /pledge — give; /ungho — your pledges; /minhbach — public figures
    /vaolop — join your child's class with its code; /baicu — recent lessons again
    /mydata — see and delete your data
    Teachers: /giaovien (become a teacher), /taolop, /lop, /moilop, /danhsach, /baigiay (families collecting paper lessons), /lienket, /tiendo, /guilai
    While filling in a form you can always type “back” to change the previous answer, or “cancel” to stop.
nothing-to-cancel = There is nothing to cancel.
unknown-command = ChoEm does not know the command /{ $command }. Type /help to see the commands.
hint-unsupported = ChoEm cannot read this kind of message yet (stickers, voice messages…). Please type or choose from the menu.
hint-not-expected = ChoEm does not need a photo or a file right now. Please choose from the menu.
hint-not-understood = ChoEm did not understand that. Please choose from the menu.
group-private-only = This involves personal information, so ChoEm answers it only when you write privately. Tap the link below to continue:
group-private-only-no-link = This involves personal information, so ChoEm answers it only when you write privately. Please send /{ $command } to ChoEm privately.
rate-limited = You are sending messages a little fast. ChoEm has received them and will answer each in turn in a few minutes. There is no need to send them again.
error-sorry = Sorry, something went wrong on ChoEm's side. What you have filled in is kept; please try again in a few minutes.
share-phone-button = 📱 Share my phone number
choices-hint = { $count ->
    [1] Reply 1 to choose.
    [2] Reply 1 or 2.
    [3] Reply 1, 2 or 3.
   *[other] Reply with a number from 1 to { $count }.
}

## Forms (shared by every form)

nav-back = ⬅️ Back
nav-cancel = ✖️ Cancel
nav-skip = Skip
nav-done = ✅ Done
nav-confirm = ✅ Confirm
nav-edit = ✏️ Change: { $field }
dialog-summary-intro = Please check this for ChoEm:
dialog-multi-hint = (You can choose several; press “Done” when finished.)
dialog-multi-hint-typed = (You can choose several: type the numbers separated by commas, e.g. 1, 3.)
dialog-typed-nav = (Type “back” to change the previous answer, or “cancel” to stop.)
dialog-typed-nav-skip = (Type “skip” if you have none, “back” to change the previous answer, or “cancel” to stop.)
dialog-skipped = (skipped)
dialog-confirm-again = Choose “Confirm” to send, “Back” to change something, or “Cancel”.
dialog-cancelled = Cancelled. ChoEm keeps nothing of what you just filled in.
dialog-already-done = This has already been recorded; there is no need to send it again.
dialog-step-updated = ChoEm has just been updated. Please answer this question again.
dialog-form-gone = ChoEm has just been updated, so the form you were filling in has to be started again. Please choose it again from the menu.
error-choose-option = ChoEm did not quite get that. Please pick one of the options below (typing its number works too).
error-choose-options = ChoEm did not quite get that. Please pick from the list below (you can type several numbers, e.g. 1, 3).
dialog-which-one = Several options are close: { $options }. Which one did you mean?
# Words people type for “yes” and “no”, comma-separated. Vietnamese ones too: people switch languages.
dialog-words-yes = yes, y, yeah, yep, ok, okay, sure, agree, i agree, of course, có, đồng ý, vâng, ừ
dialog-words-no = no, n, nope, no thanks, not now, disagree, do not agree, dont agree, don't agree, not agree, không, ko
error-pick-at-least-one = Please pick at least one and then press “Done”.
error-old-button = That button belongs to an older message. Please use the buttons on the newest one.
error-expected-text = ChoEm needs a typed answer to this question.
error-invalid = That answer is not in the form ChoEm needs. Please try again.
error-empty = The answer is empty. Please answer for ChoEm.
error-too-short = That answer is a little short. Please say a bit more.
error-too-long = That answer is too long. Please shorten it for ChoEm.
error-date-time = ChoEm could not read that date and time. Please type the day and the time, e.g. 05/12 7:30.
error-date-past = That date and time has passed. Please type one to come, e.g. 05/12 7:30.
error-no-letters = ChoEm needs an answer in words (not only emoji or numbers).
error-number-negative = Please type a positive number, without a minus sign.
error-number-decimal = Please type a whole number, with nothing after a decimal point or comma.

## Phone numbers

phone-empty = You did not type a phone number.
phone-not-digits = A phone number has digits only, for example 0912 345 678.
phone-foreign = ChoEm accepts Vietnamese mobile numbers only (starting with 0 or +84).
phone-landline = This looks like a landline number. ChoEm needs a mobile number, for example 0912 345 678.
phone-wrong-length = Vietnamese mobile numbers have 10 digits, for example 0912 345 678. Please check it.
phone-unknown-network = This prefix is not a Vietnamese mobile network. Please check the number.

## Ask a staff member

menu-support = 🙋 Ask a staff member
support-title = a question for staff
support-topic-prompt = What is your question about?
support-topic-device = Asking for a computer
support-topic-connectivity = Internet connection
support-topic-donation = Donating
support-topic-class = Classes and lessons
support-topic-other = Something else
support-question-prompt = Please write your question. A staff member will answer right here.
support-phone-prompt = Would you like a staff member to call you back? If so, type your mobile number (e.g. 0912 345 678). If not, choose “Skip”.
support-topic-label = About
support-question-label = Question
support-phone-label = Phone number
support-created = Your question has been sent to staff. Its code is { $code }. Staff will answer right here, usually during working hours. Thank you!
support-call-back = Staff may call you back on { $phone }.
support-staff = ChoEm staff
support-staff-named = { $name } (ChoEm staff)
support-reply = 💬 { $staff } answered your question { $code }:
    { $text }
support-closing = ✅ { $staff } closed your question { $code }:
    { $text }
    If you need anything else, choose “Ask a staff member” in the menu. Thank you!
support-handoff = { $staff } is answering your question { $code }. ChoEm has passed this message on. Just keep writing here. When you are done, tap “End the conversation with staff”.
support-end-button = End the conversation with staff
support-ended = The conversation with staff about question { $code } has ended. Thank you!
support-end-gone = Question { $code } is already closed. The conversation with staff has ended.
support-alert-new = 🔔 New question { $code } ({ $topic }): “{ $question }”
    Answer it at: { $link }
support-alert-more = 🔔 The person behind { $code } wrote again: “{ $text }”
support-alert-ended = The person ended the conversation about question { $code }.
error-name-too-long = That name is too long (80 characters at most). Please check it.
error-name-letters = A name has letters and spaces only, for example: Nguyễn Thị Hà.
error-name-too-short = Please write the full name.
error-grade = Which grade is your child in? Type a number from 1 to 12, e.g. 6.

## Parents' requests

menu-device = 💻 Ask for a computer for my child
menu-connectivity = 📶 Internet connection help
menu-lookup = 🔎 Look up my requests
menu-staff-requests = 📋 New requests (staff)
menu-my-data = 🔒 My data
device-title = a request for a computer
connectivity-title = a request for connection help
request-consent-device = Before we start, ChoEm asks your permission to collect:
    • Your child's full name, grade and school; your family's circumstances; a contact phone number.
    • Why: so the school and the Department can check the request and give the device to the child who needs it.
    • Who sees it: school and Department staff running the programme. Donors never see your child's name.
    • You can see and delete this data at any time under “My data”.
    Do you agree?
request-consent-connectivity = Before we start, ChoEm asks your permission to collect:
    • The connection problem, your network, the SIM's phone number and where you live (ward/commune).
    • Why: so the Department and the networks can give a suitable data package, SIM or line.
    • Who sees it: school and Department staff, and the network assigned to help.
    • You can see and delete this data at any time under “My data”.
    Do you agree?
consent-agree = I agree
consent-decline = I do not agree
request-consent-declined = Understood. ChoEm has stored nothing of yours. Whenever you need, choose “Ask a staff member” to talk to a person.
device-child-name-prompt = What is your child's full name? (For example: Nguyễn Thị Hà)
device-grade-prompt = Which grade is your child in? (1 to 12)
school-query-prompt = Which school does your child go to? Type its name (with or without accents), e.g. Chu Văn An.
school-pick-prompt = Which of these is your child's school? (If it is not there, type the school's name again.)
school-not-listed = Not in the list (keep “{ $typed }”)
school-none-found = ChoEm found no school named “{ $typed }”. Please type a few words of the school's name again, e.g. Chu Văn An. Or choose “Not in the list” and ChoEm will note the name as you typed it.
school-grade-mismatch = The school chosen has no grade { $grade }. Please choose your child's school again.
school-none-found-grade = ChoEm found no school named “{ $typed }” that teaches grade { $grade }. Please type a few words of the school's name again, e.g. Chu Văn An. Or choose “Not in the list” and ChoEm will note the name as you typed it.
device-class-prompt = Which class is your child in (e.g. 6A1)? If you don't know, choose “Skip”.
device-circumstances-prompt = What is your family's situation now? (Choose all that apply.)
circumstance-poor = Poor household
circumstance-near-poor = Near-poor household
circumstance-orphan = The child is an orphan
circumstance-job-loss = A parent lost their job
circumstance-migrant = Migrant workers' family in a rented room
circumstance-lockdown = In quarantine or lockdown
circumstance-other = Other
device-device-prompt = Which kind of device does your child need?
device-laptop = Laptop
device-laptop-words = notebook, macbook, máy tính xách tay, laptop computer
device-tablet = Tablet
device-tablet-words = ipad, tab, máy tính bảng
device-phone = Smartphone
device-phone-words = phone, mobile, iphone, android, điện thoại
device-any = Any of these
device-any-words = any, anything, whatever, either, không quan trọng
device-home-has-prompt = What does your home have for studying now? (Choose all that apply.)
home-has-nothing = Nothing yet
home-has-nothing-words = nothing, none, no device
home-has-shared-phone = A phone shared with the parents
home-has-shared-phone-words = phone, shared phone, parents phone
home-has-old-computer = An old or broken computer
home-has-old-computer-words = old computer, broken computer, old laptop
home-has-internet = Wi-Fi or 4G
home-has-internet-words = wifi, 4g, 3g, internet
request-phone-prompt = Which mobile number can staff reach you on? (For example: 0912 345 678)
device-childName-label = Child's name
device-grade-label = Grade
device-school-label = School
device-className-label = Class
device-circumstances-label = Circumstances
device-device-label = Device needed
device-homeHas-label = At home
device-phone-label = Contact number
connectivity-problem-prompt = What is the connection problem?
problem-no-internet = No Internet at home
problem-no-internet-words = no internet, no wifi, wifi, no connection
problem-weak-signal = Weak or unstable signal
problem-weak-signal-words = weak, slow, unstable, bad signal, slow internet
problem-data-package = Needs a 4G data package for lessons
problem-data-package-words = 4g, 3g, data, data package, sim, sim card
connectivity-carrier-prompt = Which network is the family's SIM on?
carrier-viettel = Viettel
carrier-viettel-words = vietel, vtel
carrier-vinaphone = VinaPhone
carrier-vinaphone-words = vina, vnpt
carrier-mobifone = MobiFone
carrier-mobifone-words = mobi, mobiphone
carrier-vietnamobile = Vietnamobile
carrier-vietnamobile-words = vietnammobile, vnmobile
carrier-other = Another network
carrier-other-words = other, itel, reddi, wintel, gmobile
connectivity-phone-prompt = What is the phone number of the SIM that needs help? (For example: 0912 345 678)
connectivity-place-prompt = Where is the family living?
place-rented-room = A rented room
place-rented-room-words = rented, rent, boarding house, room
place-remote-area = A remote area
place-remote-area-words = remote, mountains, countryside, island
place-lockdown = A quarantine or lockdown zone
place-lockdown-words = quarantine, lockdown
place-home = Our own home
place-home-words = home, own home, our house
connectivity-ward-prompt = Which ward or commune? (For example: Phường Phú Lợi, Xã Bàu Bàng)
connectivity-problem-label = Problem
connectivity-carrier-label = Network
connectivity-phone-label = SIM number
connectivity-place-label = Living in
connectivity-ward-label = Ward/commune
request-created-device = ChoEm has received your request for a computer. Its code is { $code } (status: { $status }).
    Keep this code to look it up under “Look up my requests”. ChoEm will message you here when there is news. Thank you!
request-created-connectivity = ChoEm has received your request for connection help. Its code is { $code } (status: { $status }).
    Keep this code to look it up under “Look up my requests”. ChoEm will message you here when there is news. Thank you!
request-exists = You have already sent this request: code { $code } (status: { $status }). Staff are looking at it; there is no need to send it again.
request-duplicate-device = This child already has a request for a computer. The school will contact the phone number given in that request.
    ChoEm has still kept yours (code { $code }) for staff to check.
request-duplicate-connectivity = This phone number already has a request for connection help. The school will contact the phone number given in that request.
    ChoEm has still kept yours (code { $code }) for staff to check.
request-status-new = new, waiting to be checked
request-status-verified = checked
request-status-approved = approved
request-status-matched = matched with a donor
request-status-delivered = delivered
request-status-rejected = not approved
request-status-withdrawn = withdrawn

# What staff may type for each status in /capnhat (comma-separated, diacritics optional).
request-status-words-new = new
request-status-words-verified = verified, verify
request-status-words-approved = approved, approve
request-status-words-matched = matched, match
request-status-words-delivered = delivered, deliver
request-status-words-rejected = rejected, reject, not approved
request-status-words-withdrawn = withdrawn, withdraw

# Why a request is not approved (the console's list; the parent reads it).
request-reject-reason-not-eligible = Not within the programme's criteria
request-reject-reason-duplicate = The same as another request
request-reject-reason-unreachable = The school could not reach the family
request-reject-reason-moved-away = The pupil has moved school or home
request-reject-reason-enough-devices = The family already has a device to learn on
request-reject-reason-other = Other reason
request-kind-device = Computer
request-kind-connectivity = Connection help
request-reason = Reason: { $reason }
request-status-line = Status: { $status }
request-grade = grade { $grade }
request-not-found = ChoEm cannot find your request { $code }. Please check the code.
request-none-yet = You have not sent any request yet. Choose “Ask for a computer for my child” or “Internet connection help” in the menu.
request-yours = Your requests:
request-status-changed = News from ChoEm: your request has just been updated.

## Staff

staff-only = This is for staff only.
staff-requests-none = No requests match.
staff-requests-list = { $count } requests (oldest first):
staff-request-possible-duplicate = ⚠️ May repeat request { $code } (sent by someone else): please compare.
staff-status-usage = Usage: /capnhat YC-XXXXXX status [reason]. Status: verified, approved, matched, delivered, rejected (needs a reason); the Vietnamese words work too ("đã xác minh").
staff-reason-needed = When rejecting, write a reason so the parent knows why.
staff-status-not-allowed = A request that is “{ $from }” cannot move to that status.
staff-status-changed = Updated { $code }: { $status }. The parent has been told.

## My data

privacy-intro = ChoEm keeps about you: your { $channel } account, language { $language }.
privacy-ticket = Question { $code }: “{ $question }” (contact number: { $phone })
privacy-ticket-message = Message about question { $code } ({ $from }, { $at }): “{ $text }”
privacy-ticket-from-person = written by you
privacy-ticket-from-staff = staff's answer
privacy-ticket-from-note = staff's note
privacy-request = Request { $code }:
    { $details }
privacy-roles = Your roles in the programme: { $roles }
privacy-no-contact = no name or phone number given
role-parent = parent
role-donor = donor
role-teacher = teacher
role-staff = programme staff
privacy-form-draft = A form you are filling in: “{ $form }”, with the answers you typed so far.
privacy-deliveries = The record of { $count } messages ChoEm sent you (lessons, calls for donations, news of a pledge), kept so nobody gets one twice.
privacy-technical = While you chat, ChoEm keeps a few things for a while: the state of the conversation (language, the last menu, a form in progress; up to 14 days), a counter of messages (a few minutes), and messages sent too fast, kept to be answered in turn (up to an hour).
privacy-nothing-else = Apart from the above, ChoEm keeps nothing about you.
privacy-erase-button = 🗑 Delete my data
privacy-erase-confirm = Deleting withdraws your open requests and erases your child's name, school, class and circumstances, your phone number, address, pledges, your child's class memberships, your questions to staff and this conversation. This cannot be undone. Are you sure?
privacy-erase-yes = Delete everything
privacy-keep = No, keep it
privacy-erased = Your data has been deleted:
    { $list }
    Open requests are withdrawn. ChoEm keeps only statistics that point to no one.
privacy-erased-records = • the personal details in { $count } records ({ $what })
privacy-erased-nothing = • no records
privacy-erased-chat = • the conversation: chosen language, form in progress, message counter, block record
privacy-erased-history = • the chat history on this channel
privacy-what-requests = requests for help
privacy-what-pledges = pledges
privacy-what-classes = classes
privacy-what-support = questions to staff
privacy-what-people = user record
privacy-what-deliveries = messages sent
privacy-what-other = other data
privacy-kept = ChoEm keeps your data as it is.

## School directory

school-level-mam-non = Preschool
school-level-tieu-hoc = Primary school
school-level-thcs = Lower secondary school
school-level-thpt = Upper secondary school
school-level-gdtx = Continuing education centre

## Withdrawing a request

request-withdraw-hint = To withdraw a request, type /withdraw and its code, e.g. /withdraw YC-7K2M9Q.
request-withdraw-usage = Type /withdraw and the code of your own request, e.g. /withdraw YC-7K2M9Q.
request-withdraw-too-late = This request can no longer be withdrawn (status: { $status }). If you need to, choose “Ask a staff member” in the menu.
request-withdrawn = Request { $code } has been withdrawn. You can send a new one whenever you need.

## Donors

menu-pledge = 💝 Donate
menu-my-pledges = 🧾 My donations
menu-transparency = 📊 Transparency
pledge-title = a donation
pledge-donor-type-prompt = Thank you for wanting to help the children! Who are you giving as?
pledge-donor-individual = An individual
pledge-donor-organization = A company / organisation
pledge-donor-civil-servant = A civil servant (one day's pay)
pledge-name-mode-prompt = Would you like your name recorded, or to give anonymously?
pledge-name-mode-anonymous = Anonymous
pledge-name-mode-named = Record my name
pledge-name-prompt-individual = Please tell ChoEm your full name.
pledge-name-prompt-organization = What is the name of your company or organisation?
pledge-name-prompt-civil-servant = Please tell ChoEm your full name and where you work (e.g. Nguyễn Văn An, Department of Education and Training).
pledge-items-prompt = What would you like to give?
pledge-kind-money = 💰 Money
pledge-kind-money-words = cash, transfer, bank transfer
pledge-kind-devices = 💻 Devices
pledge-kind-devices-words = device, laptop, computer, tablet, phone
pledge-kind-data = 📶 4G data packages
pledge-kind-data-words = data, 4g, sim, data package
pledge-amount-prompt = How much would you like to give? Type the amount, e.g. 500000, 500k, 2 triệu or 1,5tr.
pledge-amount-prompt-salary = How much is one day's pay for you? Type the amount, e.g. 350000, 350k or 1,2tr.
pledge-amount-invalid = ChoEm could not read that amount. Please type it again, e.g. 500000, 500.000, 500k or 2 triệu.
pledge-amount-zero = The amount must be more than 0 VND.
pledge-amount-negative = The amount cannot be negative.
pledge-amount-too-small = The smallest amount is 1,000 VND. If you meant 500 thousand, type 500k.
pledge-amount-too-large = That is more than 10 billion VND. For a gift that large, please choose “Ask a staff member” so staff can help you in person.
pledge-device-type-prompt = What kind of device are you giving?
pledge-device-laptop = Laptop
pledge-device-laptop-words = notebook, macbook, máy tính xách tay
pledge-device-tablet = Tablet
pledge-device-tablet-words = ipad, tab, máy tính bảng
pledge-device-phone = Smartphone
pledge-device-phone-words = phone, mobile, iphone, android, điện thoại
pledge-device-count-prompt = How many devices? (1 to 1,000)
pledge-device-count-invalid = The number of devices is a number from 1 to 1,000, e.g. 5.
pledge-condition-prompt = What condition are they in?
pledge-condition-new = New
pledge-condition-used-good = Used, in good condition
pledge-condition-needs-repair = Needs repair
pledge-handover-prompt = How would you like to hand them over?
pledge-handover-pickup = Please collect them
pledge-handover-drop-off = I will bring them to a drop-off point
pledge-handover-pickup-at = Staff will collect from: { $address } (phone { $phone })
pledge-address-prompt = At what address should staff collect the devices? (House number, street, ward or commune)
pledge-carrier-prompt = Which network are the data packages on?
pledge-data-count-prompt = How many data packages? (1 to 10,000)
pledge-data-count-invalid = The number of packages is a number from 1 to 10,000, e.g. 20.
pledge-months-prompt = How many months does each package last? (1 to 12)
pledge-months-invalid = The number of months is a number from 1 to 12, e.g. 6.
pledge-phone-prompt = Which mobile number should staff call to arrange the collection? (E.g. 0912 345 678. ChoEm uses it only for the collection.)
pledge-show-name-prompt = Do you agree that the programme shows your name in the public list of donors?
pledge-show-name-yes = Yes, show my name
pledge-show-name-no = No, keep it private
pledge-updates-prompt = Would you like to hear from the programme (calls for donations, what was handed over)?
pledge-updates-yes = Yes, keep me posted
pledge-updates-no = No, thank you
pledge-summary-donor-type = Giving as
pledge-summary-name = Name
pledge-summary-public = shown publicly
pledge-summary-private = not shown publicly
pledge-summary-updates = News from the programme
# The name of each answer, for the “Change” choices at the summary.
pledge-donorType-label = Giving as
pledge-nameMode-label = Named or anonymous
pledge-name-label = Name
pledge-items-label = What you give
pledge-amount-label = Amount
pledge-deviceType-label = Device type
pledge-deviceCount-label = Number of devices
pledge-condition-label = Condition
pledge-handover-label = Handover
pledge-address-label = Pick-up address
pledge-carrier-label = Network
pledge-dataCount-label = Number of data packages
pledge-months-label = Months per package
pledge-phone-label = Phone number
pledge-showName-label = Show my name
pledge-updates-label = News
pledge-item-money = Money: { $amount }
pledge-item-devices = Devices: { $count } × { $device } ({ $condition })
pledge-item-data = Data: { $count } { $carrier } { $count ->
        [one] package
       *[other] packages
    }, { $months } { $months ->
        [one] month
       *[other] months
    } each
pledge-received-so-far = { $amount } received
pledge-destination = Went to: { $school }, { $district }
pledge-status-line = Status: { $status }
pledge-status-pledged = pledged
pledge-status-received = received
pledge-status-allocated = school chosen
pledge-status-delivered = handed over
pledge-status-cancelled = cancelled
pledge-created = Thank you so much for your kindness! The code of your donation is { $code }.
    You can look at it any time under “My donations”, or by typing /ungho { $code }. ChoEm will message you here when there is news.
pledge-next-pickup = Staff will call you to arrange a day and time to collect the devices.
pledge-next-drop-off = Staff will send you the address and opening hours of the nearest drop-off point.
pledge-next-data = Staff will contact you to receive the data packages and pass them on to the children who need them.
pledge-pay-later = The programme's staff will send you the bank transfer details soon.
pledge-pay-details = Please transfer { $amount } to:
    • Bank: { $bank }
    • Account number: { $account }
    • Account holder: { $holder }
    • Transfer note: { $note }
    The quickest way is to scan the VietQR code below with your banking app: everything is filled in for you. If you type it by hand, please write the note { $note } exactly, so the programme can match your transfer and let you know.
pledge-pay-qr-caption = VietQR code for { $code }: { $amount }
pledge-not-found = ChoEm cannot find your donation { $code }. Please check the code.
pledge-none-yet = You have no donations yet. If you would like to help the children, choose “Donate” in the menu.
pledge-yours = Your donations:
pledge-updates-stopped = ChoEm will not send you calls for donations any more. News about the donations you made will still reach you.
pledge-what-devices = { $count ->
        [one] { $count } device
       *[other] { $count } devices
    }
pledge-what-data = { $count ->
        [one] { $count } data package
       *[other] { $count } data packages
    }
pledge-thanks-received = Thank you so much! The programme has received { $what } for your donation { $code }.
pledge-thanks-day = Thank you so much! Today the programme has received { $what } for your donation { $code }.
pledge-thanks-complete = The programme has now received everything you offered. ChoEm will let you know when a school has been chosen for your gift.
pledge-thanks-progress = So far the programme has received:
pledge-notice-allocated = Your donation { $code } will go to { $school } ({ $district }). ChoEm will let you know when it reaches the children.
pledge-notice-delivered = Your gift ({ $code }) has been handed over to the children at { $school } ({ $district }). Thank you for standing with them!
pledge-notice-cancelled = Your donation { $code } has been cancelled. Reason: { $reason }. If this is a mistake, please choose “Ask a staff member” in the menu. Thank you for caring about the children.
pledge-receive-usage = Usage: /nhan UH-XXXXXX <amount or count> [note]. E.g. /nhan UH-7K2M9Q 500k bank transfer; /nhan UH-7K2M9Q 3 may; /nhan UH-7K2M9Q 10 goi.
pledge-allocate-usage = Usage: /phanbo UH-XXXXXX <school code> [note].
pledge-deliver-usage = Usage: /trao UH-XXXXXX [note].
pledge-cancel-usage = Usage: /huyuh UH-XXXXXX <reason>. The reason is sent to the donor.
pledge-staff-not-allowed = This cannot be done while the donation is “{ $status }”.
pledge-staff-done = Updated; the donor has been told.
pledge-staff-received = Recorded for { $code }: +{ $what } (entry #{ $entry }). The donor will get one thank-you for everything received today.
    If this is wrong: /huynhan { $code } { $entry } <reason>
pledge-staff-received-over = This entry goes above the pledge (confirmed).
pledge-receive-over = { $what } would go above what { $code } pledged ({ $pledged } pledged, { $received } received). If that is right, press “Confirm and record”; if it was a typo, press “Drop” and type the command again.
pledge-receive-over-confirm = Confirm and record
pledge-receive-over-drop = Drop
pledge-receive-over-dropped = Dropped; nothing was recorded.
pledge-receive-over-expired = This confirmation has expired (10 minutes). Please type the /nhan command again.
pledge-reverse-usage = Usage: /huynhan UH-XXXXXX <entry number> <reason>. The entry number is the “entry #…” in the answer to /nhan, or the # column in the console. The entry stays, with a reversing entry after it.
pledge-reverse-done = Reversed entry #{ $entry } of { $code } (−{ $what }). Reason: { $reason }.
pledge-reverse-no-entry = { $code } has no entry #{ $entry } that can be reversed.
pledge-reverse-already = Entry #{ $entry } of { $code } has already been reversed.
pledge-notice-payment = ChoEm sends you the bank transfer details for your donation { $code } ({ $amount } still to come):
    { $details }
    Please put { $code } in the transfer note so the programme can recognise your transfer. Thank you so much for your kindness!
pledge-receive-no-such-item = This donation has no such item. Write an amount (e.g. 500k), or a count followed by “may” (devices) or “goi” (packages).
pledge-school-not-found = There is no school with the code “{ $school }” in the directory.
pledge-nothing-received-yet = Nothing has been received for { $code } yet, so it cannot be allocated. Record what arrived with /nhan first.
pledge-transparency-intro = 📊 Transparency: the programme's overall figures, without anyone's name. { $pledges } donations in all.
pledge-transparency-money = 💰 Money: { $pledged } pledged, { $received } received.
pledge-transparency-devices = 💻 Devices: { $pledged } pledged, { $received } received, { $delivered } handed over.
pledge-transparency-data = 📶 Data packages: { $pledged } pledged, { $received } received.
pledge-transparency-by-level = Gifts with a school chosen, by school level:
pledge-transparency-by-district = Gifts with a school chosen, by area:
pledge-summary-place = { $name }: { $pledges } donations, { $money }, { $devices } devices, { $data } data packages
campaign-title = call for donations
campaign-text-prompt = Please write the call for donations to send to every donor who agreed to hear from the programme.
campaign-summary = The call below will go to every donor who agreed to hear from the programme:
    “{ $text }”
campaign-header = 📣 A message from the programme “Waves and computers for kids”
campaign-footer = If you would rather not receive messages like this, type /dunggui.
campaign-queued = Call { $code } is queued for { $count } donors. ChoEm sends it gradually, message by message.

## My data: pledges

privacy-pledge = Pledge { $code }: { $details }

## Classes and lessons

menu-class-new = ➕ New class
menu-class-mine = 🏫 My classes
menu-class-join = 🎒 Join my child's class
menu-clips-recent = 🎬 Recent lessons
class-yes = Yes
class-no = No
class-invite-usage = Usage: /magv <school code>, e.g. /magv 79001. ChoEm makes a single-use invite code for one teacher of that school.
class-teacher-invite-made = Teacher invite for { $school }: { $code }
    It works once. The teacher sends ChoEm: /giaovien { $code }
class-teacher-usage = Send your invite code like this: /giaovien GV-XXXXXX
class-teacher-code-unknown = ChoEm cannot find the invite code { $code }. Please check it.
class-teacher-code-used = The invite code { $code } has already been used. Please ask your school's staff for a new one.
class-teacher-welcome = Welcome! You are now registered as a teacher at { $school }.
    Type /taolop to create a class and get the class code for parents. Then just send ChoEm a lesson video, document, photo or link, and ChoEm will ask which classes it is for.
class-not-teacher = This is for teachers. If you have a teacher invite code (GV-…), send: /giaovien GV-XXXXXX
class-create-title = a new class
class-school-prompt = Which school is this class at?
class-name-prompt = What is the class called? (For example: 6A1)
class-name-invalid = A class name is short: up to 12 letters and digits, like 6A1 or 10 Math.
class-grade-prompt = Which grade is this class? (1 to 12)
class-grade-invalid = The grade is a number from 1 to 12, like 6.
class-year-prompt = Which school year?
class-zalo-prompt = Do the parents of this class have a Zalo group that you run? If so, each time you push a lesson ChoEm sends you a ready-made message to forward into that group.
class-create-summary = • School: { $school }
    • Class: { $name } (grade { $grade })
    • School year: { $year }
    • Parents' Zalo group: { $zalo }
class-created = Class { $name } – { $school }, school year { $year }, is ready.
class-exists = You already have class { $name } – { $school }, school year { $year }. Its class code is unchanged:
class-invite-code = 🔑 Class code for parents: { $code }
    Parents on Zalo or the ChoEm web chat just send this code to ChoEm.
class-invite-link = 📲 Parents on Telegram tap this link: { $link }
class-invite-group = 👥 If the parents have a Telegram group: add ChoEm to the group, then send in the group: /lienket { $code }
class-invite-qr-caption = QR code to join class { $name } ({ $code }): parents scan it with their phone camera.
class-zalo-explained = About Zalo groups: ChoEm cannot post into Zalo groups by itself, so each time you push a lesson, ChoEm sends you a message with the title and a link for you to forward into the group.
class-none-yet = You have no classes yet. Type /taolop to create your first one.
class-list-intro = Your classes:
class-list-line = • { $name } ({ $year }), code { $code }: { $parents } parents, { $groups } linked groups
class-which = ChoEm is not sure which class you mean ({ $typed }). Add the class name or code, e.g. /danhsach 6A1. Type /lop to see your classes.
class-not-yours = This is not one of your classes, so ChoEm cannot do that.
class-roster-head = Class { $name }: { $parents } parents, { $groups } linked groups.
class-roster-empty = No parent has joined yet. Send the parents the code { $code } (type /moilop { $code } to get the link and QR code again).
class-roster-remove-hint = To remove a parent from the class, tap the ✖️ button with their number, or type /xoaph { $name } <number>.
class-member-direct = gets lessons directly
class-member-group = only through the class group
class-member-blocked = has blocked ChoEm
class-member-remove-confirm = The parent of { $child } will no longer receive the lessons of class { $name }. Are you sure you want to remove them from the class?
class-member-removed = The parent of { $child } has been removed from class { $name }.
class-member-kept = All right, the class list stays as it is.
class-member-gone = This parent is no longer in the class.
class-link-in-group = /lienket is used in the parents' group: add ChoEm to the class's Telegram group, then send /lienket LOP-XXXXXX in the group itself.
class-link-usage = Usage: /lienket LOP-XXXXXX (the class code you got when creating the class).
class-link-teacher-only = Only the class's teacher can link a group to the class.
class-linked = ✅ This group is now linked to class { $name } – { $school }. The class's lessons will be sent here.
class-group-hello = Hello everyone! ChoEm will send the class's lessons to this group. The teacher links it by sending /lienket with the class code (LOP-XXXXXX) in this group.
class-join-how = To join your child's class, send ChoEm the class code from the teacher (like LOP-XXXXXX), or tap the class link the teacher shared.
class-join-private-only = Please write to ChoEm privately to join a class, not in the group.
class-not-found = ChoEm cannot find a class with the code { $code }. Please check the code the teacher sent.
class-join-title = joining a class
class-join-consent = You are joining class { $name } – { $school }. Before you do, ChoEm asks your permission:
    • ChoEm will ask your child's full name and how you want to receive lessons.
    • Why: so the teacher knows which child's parent has joined and lessons reach the right people.
    • Who sees it: only the class's teacher. Other parents do not see your child's name.
    • You can see and delete this data at any time under “My data”.
    Do you agree?
class-join-agree = I agree
class-join-decline = I do not agree
class-join-declined = Understood. ChoEm keeps nothing. Whenever you are ready, just send the class code again.
class-join-child-prompt = What is your child's full name? (For example: Nguyen Thi Ha. Twins in the same class: write both names, separated by a comma.)
class-child-name-invalid = A name has only letters and is 2 to 80 characters long, like Nguyen Thi Ha.
class-join-delivery-prompt = How would you like to receive the class's lessons?
class-delivery-direct = 📩 Send them to me
class-delivery-group = 👥 Only through the class group
class-join-summary = • Class: { $name }
    • Child's name: { $child }
    • Lessons: { $delivery }
class-joined-direct = 🎉 You have joined class { $name }. New lessons will be sent to you here. Thank you!
class-joined-group = 🎉 You have joined class { $name }. Lessons go to the class group. While the class has no group, ChoEm sends them to you here. Thank you!
class-join-already = You are already in class { $name }.
class-joined-recent = The class has had { $count ->
        [one] one lesson
       *[other] { $count } lessons
    } in the last { $days } days. Would you like to see them?
class-joined-recent-button = 🎬 Send me those lessons
clip-push-title = pushing a lesson
clip-no-class = You have no class to send this to yet. Type /taolop to create one first.
clip-push-classes-prompt = Which classes should get this lesson?
clip-push-makeup-prompt = Is this a make-up lesson?
clip-push-makeup-no = Regular lesson
clip-push-makeup-yes = Make-up lesson
clip-push-title-prompt = Give the lesson a title (for example: Math – Lesson 5: Fractions). If not needed, choose “Skip”.
clip-push-paper-prompt = This class has families who collect paper lessons (no device to learn online at home). Does this lesson come on paper for them?
clip-push-paper-no = No paper copy
clip-push-paper-yes = Paper copy
clip-push-paper-place-prompt = Where do parents collect the paper lesson? (For example: the guard room at the school gate)
clip-push-paper-from-prompt = From when can they collect it? Type the day and time, e.g. 05/12 7:30.
clip-push-paper-summary = • Paper copy: at { $place }, from { $from } ({ $count } families)
clip-paper-told = 📄 ChoEm is telling { $count } families who collect paper lessons where and when.
clip-progress-paper = Paper copies: { $collected }/{ $total } families have collected it.
paper-notice = 📄 Paper lesson for class { $classes }: { $title }.
    Please collect it at { $place }, from { $from }. When you collect it, the school will tick you off. Thank you!
paper-roster-head = Paper lessons – class { $name }: { $count } families collect paper lessons (marked 📄).
paper-roster-suggested = suggested: their device request says there is nothing at home
paper-roster-hint = Type /baigiay { $name } and the numbers (e.g. /baigiay { $name } 2, 5) to mark or unmark. Marked families are told when you send a lesson with a paper copy.
paper-roster-number = Class { $name } has { $count } parents. Type their number in the list, e.g. /baigiay { $name } 2.
clip-push-summary = • Content: { $kind }
    • Classes: { $classes }
    • Type: { $makeUp }
    • Title: { $title }
clip-push-reach = It will go to { $groups } groups and { $parents } parents.
clip-push-reach-forward = ChoEm will also send you { $count } ready-made messages to forward into the classes' Zalo groups.
clip-kind-video = a video
clip-kind-document = a document
clip-kind-photo = a photo
clip-kind-link = a link
clip-kind-text = a text message
clip-queued = ✅ Lesson { $code } is scheduled for { $groups } groups and { $parents } parents. ChoEm sends the messages gradually and will let you know when done. Progress: /tiendo { $code }
clip-forward-coming = 📨 You will get { $count } messages to forward into the classes' Zalo groups: press and hold one, then choose “Forward”.
clip-nobody = Lesson { $code } is saved, but the class has no parents or groups to send it to yet. Parents who join later can still get it with /baicu.
clip-header = 📚 Lesson for class { $name }
clip-header-makeup = 🔁 Make-up lesson for class { $name }
clip-file-name = File: { $name }
clip-code-usage = Add the lesson code, e.g. /tiendo BG-7K2M9Q (it is in the confirmation you got when pushing the lesson).
clip-not-found = ChoEm cannot find lesson { $code } among the ones you pushed.
clip-progress = Lesson { $code }: sent { $sent }/{ $total }, { $failed } failed, { $blocked } blocked ChoEm, { $uncertain } uncertain, { $waiting } still waiting.
clip-report = 📬 Lesson { $code } is done: { $sent }/{ $total } received, { $blocked } blocked ChoEm, { $failed } failed, { $uncertain } uncertain.
clip-report-resend = Type /guilai { $code } to send it again where it failed or is uncertain.
clip-report-uncertain = “Uncertain” means a send was cut off halfway: the parent may already have it, so ChoEm does not resend on its own, to avoid duplicates.
clip-resending = Sending lesson { $code } again to { $count } places. ChoEm will let you know when done.
clip-nothing-to-resend = Lesson { $code } has nothing that failed, so nothing to send again.
clip-catchup-no-class = You have not joined a class yet. Send the class code from the teacher (like LOP-XXXXXX) to join.
clip-catchup-none = Your child's class has had no lessons in the last { $days } days.
clip-catchup-intro = Here are { $count } lessons from the last { $days } days, newest last:
clip-page-invalid = This link is not valid
clip-page-expired = This link has expired. Send /baicu to ChoEm to get the lessons again.
clip-page-gone = This lesson cannot be found
clip-page-unavailable = This file cannot be downloaded right now (it may be too large or deleted). Watch it in Telegram, or ask the teacher to send it again.
clip-link-confirm-title = This lesson opens another website
clip-link-confirm-body = The teacher sent a link to a page outside ChoEm. Check the address below before you open it:
clip-link-confirm-open = Open { $host }
clip-link-refused = The link in this lesson cannot be opened. Please ask the teacher to send it again.

## My data: classes

privacy-class-member = A child in class { $class }, under the name: { $child } (receiving lessons through ChoEm)
privacy-teacher = A teacher of { $school } (from a staff invite)
privacy-teacher-class = Class { $name } ({ $code }), which you created
privacy-teacher-clips = { $count } lessons you pushed through ChoEm

## Lessons: outside the Zalo OA 7-day window

clip-report-outside-window = { $count } parents on the Zalo OA have not written to ChoEm in over 7 days, so Zalo does not let us send. Please reach these parents another way, for example by forwarding the lesson to the class's Zalo group. Once they write to ChoEm again, type /guilai to send.
