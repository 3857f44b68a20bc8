## The staff console (src/features/console/, src/features/staff/).

## In chat
console-link-answer = 🔐 Your sign-in link to the staff console (single use, valid { $minutes } minutes):
    { $link }
    Please do not forward this link to anyone.
console-code-bound = ✅ Signed in on the computer showing this code. If that was not you, open { $console } → Account → “Sign out everywhere”.
console-code-gone = Code { $code } has expired or can no longer be used. Reload the sign-in page for a new code.
staff-appointment-usage = How to use: send your staff code as CB-XXXXXX.
staff-appointment-not-found = ChoEm cannot find code { $code }. Please check it.
staff-appointment-used = Code { $code } has already been used. Please ask whoever invited you for a new one.
staff-appointment-expired = Code { $code } has expired. Please ask whoever invited you for a new one.
staff-appointment-revoked = Code { $code } was cancelled. Please contact whoever invited you.
staff-appointment-welcome = Welcome! ChoEm now knows you as programme staff. Send /dangnhap to open the staff console: { $console }
privacy-staff = Programme staff: { $level } (display name: { $name })
staff-level-province = Department staff (whole province)
staff-level-area = Ward or commune staff
staff-level-school = School staff
staff-scope-all = whole province

## Frame of every page
console-brand = ChoEm · Console
console-skip = Skip to main content
console-other-language = Tiếng Việt
console-account = Account
console-sign-out = Sign out
console-sections = Sections
console-back = Back
console-not-found-title = Not found
console-not-found = This page does not exist, or it is outside what you may see.
console-filter = Filter
console-older = Older

## Sign-in
console-signin-title = Sign in
console-signin-by-link = On a phone: send /dangnhap to ChoEm on Zalo or Telegram, then tap the link ChoEm sends back.
console-signin-by-code-title = On a computer
console-signin-by-code = Send the code below to ChoEm in your chat. It works for { $minutes } minutes.
console-signin-code-note = This page opens by itself once ChoEm has the code.
console-signin-link-confirm = Press the button below to sign in on this browser.
console-signin-link-button = Sign in
console-link-invalid = That sign-in link was already used or has expired. Send /dangnhap for a new one, or use the code below.
console-code-expired = The code has expired.
console-code-new = Get a new code

## Home and account
console-home-title = Home
console-home-hello = Hello, { $name }
console-home-scope = { $level } · scope: { $scope }
console-alerts-title = Alerts in chat
console-alerts-on = ChoEm tells you in chat when a new question arrives within your scope.
console-alerts-off = ChoEm does not tell you about new questions.
console-alerts-turn-off = Turn alerts off
console-alerts-turn-on = Turn alerts on
console-alerts-saved = Saved.
console-sessions-title = Where you are signed in
console-session-browser = Browser
console-session-since = Signed in
console-session-last = Last seen
console-session-this = this device
console-session-end = Sign out this session
console-session-ended = That session is signed out.
console-sessions-end-all = Sign out everywhere
console-session-unknown-browser = Another browser
console-session-browser-on = { $browser } on { $system }

## Staff
console-nav-staff = Staff
console-staff-appoint-title = Invite a staff member
console-staff-name = Name
console-staff-level = Role
console-staff-places = Scope
console-staff-places-help = Ward or commune staff: the ward or commune name. School staff: the school code. Separate several with commas.
console-staff-appoint = Make an invitation code
console-staff-code-made-title = Invitation code made
console-staff-code-made = Give this code to the person you invite; they send it to ChoEm and that is all. Single use, until { $expires }.
console-staff-members = Staff within your scope
console-staff-change = Change role or scope
console-staff-save = Save
console-staff-revoke = Revoke
console-staff-open-codes = Unused invitation codes
console-staff-code = Code
console-staff-expires = Expires
console-staff-revoke-code = Cancel code
console-staff-areas-needed = Please give this person's ward or commune.
console-staff-schools-needed = Please give this person's school code.
console-staff-area-unknown = A ward or commune is not in the school directory. Please pick one from the suggestions.
console-staff-school-unknown = A school code is not in the directory. Please check it.
console-staff-level-needed = Please choose a role.
console-staff-outside-scope = That scope is wider than yours.

## Audit log
console-nav-audit = Audit log
console-audit-when = When
console-audit-actor = Who
console-audit-action = Action
console-audit-target = Record
console-audit-detail = Note
console-audit-none = No entries.

## Requests
console-nav-requests = Requests
console-any = Any
console-next-page = Next page
console-requests-search = Search by code or child's name
console-requests-kind = Kind
console-requests-status = Status
console-requests-school = School
console-requests-circumstance = Circumstances
console-requests-from = From
console-requests-to = To
console-requests-duplicates = Possible duplicates only
console-requests-select = Select
console-requests-select-one = Select { $code }
console-requests-code = Code
console-requests-who = Child / place
console-requests-when = Sent
console-requests-none = No request matches.
console-requests-maybe-duplicate = possible duplicate
console-requests-bulk-verify = Verify the selected requests
console-requests-bulk-approve = Approve the selected requests
console-requests-bulk-done = { $count } requests moved on. The parents have been told.
console-requests-bad-page = That page is gone. Please start again from the first page.
console-requests-search-short = Type at least 2 letters of the name, or a whole YC-… code.
console-back-to-requests = ← All requests
console-request-fields = What the parent gave
console-request-duplicate-of = Possible duplicate: { $code }
console-request-open = Open { $code }
console-request-actions = Actions
console-request-action-verified = Verified
console-request-action-approved = Approve
console-request-action-delivered = Delivered
console-request-action-rejected = Do not approve
console-request-reject-reason = Why not approved
console-request-reject-words = A note for the parent (optional, unless “Other reason”)
console-request-history = History
console-request-by-parent = parent
console-request-told = What the parent was told
console-request-told-nothing = Nothing yet beyond the code they got when they sent it.
console-request-no-action = That cannot be done to this request.
console-request-reason-needed = Please choose a reason, or write one when choosing “Other reason”.
console-request-moved-already = Someone else has just moved this request. This is its latest status.

## Help desk (src/features/support/pages.ts)
console-nav-helpdesk = Help desk
console-helpdesk-tabs = Groups of questions
console-helpdesk-tab-new = New
console-helpdesk-tab-mine = Mine
console-helpdesk-tab-waiting = Waiting for an answer
console-helpdesk-tab-closed = Closed
console-helpdesk-empty = No questions here.
console-helpdesk-code = Code
console-helpdesk-question = Question
console-helpdesk-school = School
console-helpdesk-no-school = unknown (province)
console-helpdesk-created = Sent
console-helpdesk-holder = Answered by
console-helpdesk-overdue = Waiting over { $hours } hours
console-helpdesk-ticket-title = Question { $code }
console-helpdesk-phone = Call back on: { $phone }
console-helpdesk-unassigned = Nobody has taken it
console-helpdesk-held-by = { $name } is answering
console-helpdesk-held-by-me = You are answering
console-helpdesk-closed-at = Closed at { $at }
console-helpdesk-ended-by-person = The person ended it at { $at }
console-helpdesk-assign = Take it
console-helpdesk-assigned = Taken. What the person writes now joins this question.
console-helpdesk-taken = { $name } has already taken this question.
console-helpdesk-closed-already = This question is closed.
console-helpdesk-conversation = Conversation
console-helpdesk-from-person = The person
console-helpdesk-from-staff = { $name }
console-helpdesk-from-note = Note by { $name }
console-helpdesk-closing-label = closing message
console-helpdesk-reply = Reply
console-helpdesk-reply-help = The reply reaches the person in their own chat.
console-helpdesk-send = Send the reply
console-helpdesk-note = Internal note
console-helpdesk-note-help = The person is not sent notes, but can read them under “My data”.
console-helpdesk-add-note = Add the note
console-helpdesk-closing = Closing message (sent to the person)
console-helpdesk-close = Close the question
console-helpdesk-text-needed = Please write something before sending.
console-helpdesk-done-reply = Reply sent.
console-helpdesk-done-note = Note added.
console-helpdesk-done-close = Question closed; the closing message was sent to the person.
