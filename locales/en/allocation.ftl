## Allocation (src/features/allocation/): lots, the priority table, proposals and their
## approval in the console; what parents and donors are told.

## In chat, to parents and donors
allocation-told-parent = 🎁 Good news: ChoEm has { $what } for { $pupil } (request { $code }). Please collect it at { $place }{ $from }. Please bring the request code with you.
allocation-told-from = , from { $date }
allocation-a-pupil = your child
allocation-told-donor = 🎁 Your { $units } { $reached } Thank you from ChoEm!
allocation-told-money-donor = 🎁 Your gift of { $amount } helped buy { $bought }. This time, { $units } { $reached } Thank you from ChoEm!
allocation-told-reached-schools = reached { $children } { $children ->
    [one] child
   *[other] children
  } at { $schools } { $schools ->
    [one] school
   *[other] schools
  }: { $names }.
allocation-told-reached-families = reached { $families } { $families ->
    [one] family
   *[other] families
  }.
allocation-units-device = { $count } { $type ->
    [laptop] { $count -> 
        [one] laptop
       *[other] laptops
      }
    [tablet] { $count ->
        [one] tablet
       *[other] tablets
      }
    [phone] { $count ->
        [one] smartphone
       *[other] smartphones
      }
   *[other] { $count ->
        [one] device
       *[other] devices
      }
  }
allocation-units-data = { $count } { $carrier } { $months }-month data { $count ->
    [one] package
   *[other] packages
  }

## The console: lots
allocation-nav-lots = Lots
allocation-lots-title = Lots
allocation-lots-intro = A lot is what can be given: devices a donor handed over, devices bought with donated money, or gifts given outright. Open a lot to make a proposal.
allocation-lots-none = No lots yet.
allocation-col-lot = Lot
allocation-col-what = Holds
allocation-col-source = Source
allocation-col-areas = Areas
allocation-col-count = Count
allocation-col-allocated = Allocated
allocation-col-free = Free
allocation-areas-anywhere = whole province
allocation-source-pledge = From a pledge of goods
allocation-source-purchase = Bought with donated money
allocation-source-other = Given outright
allocation-source-pledge-of = pledge { $code }
allocation-source-purchase-of = bought for { $cost } ({ $paid })
allocation-source-other-of = given by { $giver }
allocation-kind-devices = Devices
allocation-kind-data = Data packages
allocation-lot-new = New lot
allocation-field-source = Source
allocation-field-kind = Kind
allocation-field-count = Count (devices, or SIMs / top-ups)
allocation-field-pledge = Pledge code
allocation-field-pledge-help = Device type, carrier and months come from the pledge; the count may not exceed what was received and is not in a lot yet.
allocation-field-what = Device or package (bought, given outright)
allocation-field-device-type = Device type
allocation-field-carrier = Carrier
allocation-field-months = Months
allocation-field-cost = Total cost
allocation-field-paid-by = Money pledges spent
allocation-field-paid-by-help = One per line: code and amount, e.g. “UH-7K2M9Q 5,000,000”. They must add up to the total cost.
allocation-field-giver = Given by
allocation-field-areas = Only for these areas (wards, communes, districts)
allocation-field-areas-help = Leave empty for the whole province; separate several areas with commas.
allocation-field-areas-mine = Your lot must stay inside: { $areas }.
allocation-field-kept-at = Kept at
allocation-field-note = Note
allocation-lot-create = Add lot
allocation-lot-bad-source = Please choose where the lot comes from.
allocation-lot-bad-kind = Please choose devices or data packages (a purchase is devices only).
allocation-lot-bad-count = The count must be a whole number from 1 to { $max }.
allocation-lot-bad-area = “{ $area }” is not an area of the school directory. Please type a ward, commune or district as the directory names it.
allocation-lot-bad-area-ambiguous = Several places are called “{ $area }”: { $options }. Please type the whole name, e.g. “Phường …” or “Xã …”.
allocation-lot-bad-area-needed = Please give the lot's area (inside the areas you cover).
allocation-lot-bad-area-outside = “{ $area }” lies outside the areas you cover.
allocation-lot-bad-kept-at = Please say where the lot is kept.
allocation-lot-bad-pledge-code = A pledge code looks like UH-7K2M9Q.
allocation-lot-bad-pledge-unknown = There is no pledge { $code } (or it was cancelled).
allocation-lot-bad-pledge-no-devices = Pledge { $code } has no devices.
allocation-lot-bad-pledge-no-data = Pledge { $code } has no data packages.
allocation-lot-bad-pledge-no-money = Pledge { $code } is not money.
allocation-lot-bad-pledge-too-many = This pledge has only { $left } received and not yet in a lot.
allocation-lot-bad-money-too-much = Pledge { $code } has only { $left } VND received and not yet spent.
allocation-lot-bad-device-type = Please choose a device type.
allocation-lot-bad-cost = Please give the total cost, e.g. 45,000,000 or 45 triệu.
allocation-lot-bad-paid-by-line = Could not read “{ $line }”. Each line is a pledge code and an amount, e.g. “UH-7K2M9Q 5,000,000”.
allocation-lot-bad-paid-by-none = Please say which money pledges paid for this purchase.
allocation-lot-bad-paid-by-sum = The pledges add up to { $sum } VND, not the total cost of { $cost } VND.
allocation-lot-bad-giver = Please give who gave it.
allocation-lot-bad-carrier = Please choose the data package's carrier.
allocation-lot-bad-months = Months must be a whole number from 1 to 36.
allocation-lot-title = Lot { $code }
allocation-back-to-lots = ← Lots
allocation-lot-counts = Total { $count } · allocated { $allocated } · free { $free }
allocation-propose = Make a proposal
allocation-lines = Allocated units
allocation-lines-none = Nothing of this lot is allocated yet.
allocation-col-line = Unit
allocation-col-request = Request
allocation-col-school = School
allocation-col-status = Status
allocation-col-batch = Batch
allocation-col-approved = Approved
allocation-approved = Batch { $batch } approved: { $made } children. Parents and donors are being told.
allocation-approved-skipped = { $count } requests did not join because they changed while you approved:
allocation-skipped-moved = the request changed status or no longer fits the lot
allocation-skipped-claimed = the request already has a unit of another lot
allocation-skipped-lot-full = the lot ran out of units

## The console: proposals
allocation-proposal-title = Proposal for lot { $code }
allocation-back-to-lot = ← Lot { $code }
allocation-proposal-intro = ChoEm ranks the verified requests that fit the lot by priority score (equal scores: the longer wait first). Untick to leave out, tick a runner-up to add, then approve the batch.
allocation-proposed = Proposed: { $count }
allocation-proposal-none = No request fits this lot any more.
allocation-runners = Runner-ups
allocation-runners-help = Tick one to take the place of a child you left out.
allocation-col-pupil = Pupil
allocation-col-score = Score
allocation-col-why = Why
allocation-col-waiting = Waiting since
allocation-why-nothing = no points
allocation-part-wait = { $weeks } weeks waited { $points }
allocation-drop = Drop, take the next
allocation-field-collect-place = Collect at
allocation-field-collect-from = Collect from
allocation-field-collect-from-help = For example: 05/12 7h30
allocation-approve = Approve the batch
allocation-approve-none = Please tick at least one child.
allocation-approve-bad-place = Please say where parents collect it.
allocation-approve-bad-date = Please give the day collection starts, e.g. 05/12 7h30 (not a day gone by).
allocation-approve-too-many = This batch has { $asked } children but the lot has only { $free } units free. Nothing was approved; please take some out.
allocation-scanned = { $count } requests considered.

## The console: the priority table
allocation-nav-priority = Priority
allocation-priority-title = Priority table
allocation-priority-intro = A request's score is the sum of the points below for what the family told us, plus points for each week waited. Proposals rank requests by it.
allocation-priority-defaults = The default points are in use.
allocation-priority-updated = Last changed by { $by } at { $at }.
allocation-priority-save = Save the table
allocation-priority-saved = The table is saved.
allocation-priority-bad = The points for “{ $row }” must be a whole number from 0 to { $max }.
allocation-weight-group = Group
allocation-weight-what = What
allocation-weight-points = Points
allocation-weight-group-circumstance = Circumstances
allocation-weight-group-home = At home
allocation-weight-group-wait = Waiting time
allocation-weight-home-nothing = Nothing to study on
allocation-weight-home-shared-phone = Shares a phone with the parents
allocation-weight-per-week = Each week waited
