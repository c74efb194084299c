#!/usr/bin/env python3
"""Writes seeds/hall/service-halls.json and seeds/hall/calendar.json. Run after editing this file
(it reads seeds/catalog/service-items.json, so after generate.py): python3 seeds/_source/halls.py

What is real and what is not (docs/catalogue-data.md): the hall names follow the real pattern
(区政务服务中心, 街道便民服务中心) and the streets are Qingdao's; addresses are given only to the
level of the district or street, coordinates (GCJ-02) are approximate points in that district or
street, not surveyed entrances; phones are left empty because they are not known here. Hours are
the usual ones of Qingdao's halls (weekdays 9:00-12:00 and 13:30-17:00, Saturday mornings at the
centres for 延时服务). The calendar lists only holidays whose date is fixed by law (元旦); the State
Council's yearly notice (节假日安排) must be added to it each year."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]

# region code, district name, approximate centre (lat, lng GCJ-02)
DISTRICTS = [
    ("370202", "市南区", 36.0664, 120.3830),
    ("370203", "市北区", 36.0872, 120.3748),
    ("370211", "黄岛区", 35.9606, 120.1977),
    ("370212", "崂山区", 36.1073, 120.4687),
    ("370213", "李沧区", 36.1452, 120.4328),
    ("370214", "城阳区", 36.3074, 120.3963),
    ("370215", "即墨区", 36.3891, 120.4471),
    ("370281", "胶州市", 36.2644, 120.0336),
    ("370283", "平度市", 36.7869, 119.9600),
    ("370285", "莱西市", 36.8880, 120.5177),
]

# region code -> streets (街道/镇), each with an offset from the district centre in 1/1000 degree
STREETS = {
    "370202": [("八大关街道", -4, 12), ("湛山街道", -2, 20), ("金门路街道", 6, 22)],
    "370203": [("台东街道", 6, 4), ("辽宁路街道", -2, -6), ("浮山新区街道", 4, 32)],
    "370211": [("长江路街道", 2, 8), ("薛家岛街道", 22, 60), ("灵山卫街道", -60, -40)],
    "370212": [("中韩街道", 6, 4), ("沙子口街道", -10, 60), ("王哥庄街道", 110, 150)],
    "370213": [("李村街道", 2, 2), ("虎山路街道", -10, -14), ("九水街道", 14, 24)],
    "370214": [("城阳街道", 2, 2), ("流亭街道", -40, -20), ("夏庄街道", 10, 60)],
    "370215": [("通济街道", 4, -4), ("潮海街道", 2, 10), ("鳌山卫街道", 20, 90)],
    "370281": [("阜安街道", 4, 4), ("中云街道", -6, 6)],
    "370283": [("东阁街道", 2, 6), ("凤台街道", -4, -6)],
    "370285": [("水集街道", 2, 2), ("望城街道", -20, 10)],
}

# community stations handle what residents most often need nearby: social insurance, medical
# insurance, civil affairs and the disabled persons' federation, on the phone or at a counter
STATION_DEPARTMENTS = {"RS", "YB", "MZ", "CL", "TY"}
STREET_DEPARTMENTS = STATION_DEPARTMENTS | {"WJ", "GJJ", "JY", "SF", "NY"}

CENTRE_HOURS = [
    {"days": WEEKDAYS, "opens": "09:00", "closes": "12:00", "note": None},
    {"days": WEEKDAYS, "opens": "13:30", "closes": "17:00", "note": None},
    {"days": ["SATURDAY"], "opens": "09:00", "closes": "12:00", "note": "周六延时服务：综合受理窗口"},
]
STATION_HOURS = [
    {"days": WEEKDAYS, "opens": "09:00", "closes": "11:30", "note": None},
    {"days": WEEKDAYS, "opens": "13:30", "closes": "17:00", "note": None},
]


def items_of(departments):
    items = json.loads((ROOT / "catalog" / "service-items.json").read_text(encoding="utf-8"))
    return sorted(i["basicCode"] for i in items if i["departmentCode"] in departments and "COUNTER" in i["channels"])


def point(lat, lng, dlat=0, dlng=0):
    return {"lat": round(lat + dlat / 1000, 4), "lng": round(lng + dlng / 1000, 4)}


def main():
    street_items = items_of(STREET_DEPARTMENTS)
    station_items = items_of(STATION_DEPARTMENTS)
    halls = [{
        "code": "370200-C", "name": "青岛市政务服务中心", "level": "GOVERNMENT_SERVICE_CENTRE", "regionCode": "370200",
        "address": "山东省青岛市市南区", "location": point(36.0670, 120.3826), "phone": None,
        "hours": {"sessions": CENTRE_HOURS, "onHolidays": "CLOSED"},
        "windowGroups": [{"code": "A", "name": "综合受理", "slotCapacity": 12, "windows": 10, "serviceMinutes": 12},
                         {"code": "B", "name": "不动产登记", "slotCapacity": 8, "windows": 6, "serviceMinutes": 20},
                         {"code": "C", "name": "企业开办", "slotCapacity": 6, "windows": 4, "serviceMinutes": 15}],
        "kiosks": ["terminal-kiosk-370200-c-01"],
        "allRegionItems": True, "itemBasicCodes": []}]
    for region, district, lat, lng in DISTRICTS:
        halls.append({
            "code": f"{region}-C", "name": f"{district}政务服务中心", "level": "GOVERNMENT_SERVICE_CENTRE",
            "regionCode": region, "address": f"山东省青岛市{district}", "location": point(lat, lng), "phone": None,
            "hours": {"sessions": CENTRE_HOURS, "onHolidays": "CLOSED"},
            "windowGroups": [{"code": "A", "name": "综合受理", "slotCapacity": 8, "windows": 6, "serviceMinutes": 12},
                             {"code": "B", "name": "不动产登记", "slotCapacity": 4, "windows": 3, "serviceMinutes": 20}],
            "kiosks": [f"terminal-kiosk-{region}-c-01"] if region == "370213" else [],
            "allRegionItems": True, "itemBasicCodes": []})
        for n, (street, dlat, dlng) in enumerate(STREETS[region], start=1):
            halls.append({
                "code": f"{region}-S{n:02d}", "name": f"{district}{street}便民服务中心", "level": "STREET_SERVICE_CENTRE",
                "regionCode": region, "address": f"山东省青岛市{district}{street}", "location": point(lat, lng, dlat, dlng),
                "phone": None, "hours": {"sessions": STATION_HOURS, "onHolidays": "CLOSED"},
                "windowGroups": [{"code": "A", "name": "综合受理", "slotCapacity": 3, "windows": 2, "serviceMinutes": 12}],
                "kiosks": [],
                "allRegionItems": False, "itemBasicCodes": street_items})
            if n == 1:
                halls.append({
                    "code": f"{region}-S{n:02d}-01", "name": f"{district}{street}第一社区便民服务站",
                    "level": "COMMUNITY_SERVICE_STATION", "regionCode": region,
                    "address": f"山东省青岛市{district}{street}", "location": point(lat, lng, dlat + 3, dlng - 3),
                    "phone": None, "hours": {"sessions": STATION_HOURS, "onHolidays": "CLOSED"},
                    "windowGroups": [{"code": "A", "name": "帮办代办", "slotCapacity": 2, "windows": 1, "serviceMinutes": 15}],
                    "kiosks": [],
                    "allRegionItems": False, "itemBasicCodes": station_items})
    out = ROOT / "hall"
    out.mkdir(exist_ok=True)
    (out / "service-halls.json").write_text(json.dumps(halls, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    calendar = [{"date": "2027-01-01", "name": "元旦", "kind": "HOLIDAY"}]
    (out / "calendar.json").write_text(json.dumps(calendar, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(halls)} halls")


if __name__ == "__main__":
    main()
