## Reports (src/features/reports/) and the public page /minhbach (src/features/transparency/page.ts).

report-nav = Reports
report-filter-area = District or ward
report-filter-ward = Ward or commune
report-filter-level = School level
report-filter-all = All
report-area-district = { $name } (district)
report-area-ward = { $name } (ward)
report-none = No figures yet.
report-export-csv = Download CSV
report-export-xlsx = Download Excel (XLSX)
report-status = Status
report-kind-device = Devices
report-kind-connectivity = Connectivity
report-figure = Figure
report-count = Count
report-vnd = Amount (VND)
report-requests-title = Requests by status
report-devices-title = Devices: needed, pledged, handed over
report-devices-needed = Still needed (device requests waiting)
report-devices-pledged = Pledged by donors
report-devices-received = Received
report-devices-matched = Matched to a child
report-devices-handedOver = Handed over
report-money-title = Money
report-money-pledgedVnd = Pledged
report-money-receivedVnd = Received
report-money-spentVnd = Spent on devices and data packages
report-connectivity-title = Connectivity requests by carrier and ward
report-carrier = Carrier
report-ward = Ward
report-waits-title = How long children waited, request to handover, by week
report-week = Week
report-median-days = Median (days)
report-handovers = Handovers
report-weekly =
    📊 Week { $week } (from { $from }):
    • New requests: { $devices } devices, { $connectivity } connectivity
    • Devices handed over: { $handed }, median wait { $median } days
    • Device requests still waiting: { $waiting }
    Details under Reports in the staff console.

minhbach-title = Transparency: what ChoEm received and gave
minhbach-intro = { $pledges } pledges. Figures go down to school level only and name no child.
minhbach-totals = Totals
minhbach-money-pledged = Money pledged
minhbach-money-received = Money received
minhbach-devices-received = Devices received
minhbach-devices-delivered = Devices handed over
minhbach-data-received = Data packages received
minhbach-by-level = By school level
minhbach-level = School level
minhbach-pledges = Pledges
minhbach-money = Money
minhbach-devices = Devices
minhbach-data = Data packages
minhbach-none = Nothing has gone to a school yet.
minhbach-donors = Honour roll
minhbach-no-donors = No donor has agreed to be named yet.
minhbach-donors-note = Only donors who agreed are named. Thank you to every donor, the anonymous ones too.
