"""Demo certificates (电子证照) for the demo people and enterprises of seeds/dev/identity.

Run after identity.py: `python3 seeds/_source/certificates.py`; writes seeds/dev/certificate/certificates.json (dev seed set) and seeds/certificate/purposes.json.
Seals are not in the file: the service seals every certificate with its issuing department's SM2
key when it loads them (keys are made on first start).
"""
import json
import os

HERE = os.path.dirname(__file__)
people = {p['name']: p for p in json.load(open(os.path.join(HERE, '..', 'dev', 'identity', 'people.json'), encoding='utf-8'))}
enterprises = {e['name']: e for e in json.load(open(os.path.join(HERE, '..', 'dev', 'identity', 'enterprises.json'), encoding='utf-8'))}
GENDER = {'MALE': '男', 'FEMALE': '女'}
seq = [0]


def number(type_code, region, year):
    seq[0] += 1
    return '%s-%s-%s-%06d' % (type_code.replace('-', ''), region, year, 100000 + seq[0] * 37)


def person_cert(name, type_code, issued, valid_to, data, status='VALID', reason=None):
    p = people[name]
    base = {'holderName': p['name'], 'holderIdNumber': p['idNumber']}
    base.update(data)
    return {'number': number(type_code, p['regionCode'], issued[:4]), 'typeCode': type_code,
            'holderIdentifier': p['idNumber'], 'issuedOn': issued, 'validFrom': issued, 'validTo': valid_to,
            'status': status, 'statusReason': reason, 'data': base}


def identity_card(name, issued, valid_to):
    p = people[name]
    return person_cert(name, 'GA-001', issued, valid_to, {'gender': GENDER[p['gender']], 'ethnicity': p['ethnicity'],
                                                          'birthDate': p['birthDate'], 'address': p['address']})


def org_cert(name, type_code, issued, valid_to, data):
    e = enterprises[name]
    base = {'holderName': e['name'], 'holderCreditCode': e['creditCode']}
    base.update(data)
    return {'number': number(type_code, e['regionCode'], issued[:4]), 'typeCode': type_code,
            'holderIdentifier': e['creditCode'], 'issuedOn': issued, 'validFrom': issued, 'validTo': valid_to,
            'status': 'VALID', 'statusReason': None, 'data': base}


zw, ln = people['张伟'], people['李娜']
certs = [
    identity_card('张伟', '2016-05-20', '2036-05-20'),
    person_cert('张伟', 'MZ-001', '2019-05-20', None, {'spouseName': ln['name'], 'spouseIdNumber': ln['idNumber'], 'registrationDate': '2019-05-20'}),
    person_cert('张伟', 'GA-006', '2021-08-03', '2027-08-03', {'licenseClass': 'C1', 'firstIssueDate': '2015-08-03'}),
    person_cert('张伟', 'RS-001', '2020-03-01', '2030-03-01', {'cardNumber': 'SD3702' + zw['idNumber'][-8:], 'bankName': '中国工商银行'}),
    person_cert('张伟', 'ZR-001', '2020-11-18', None, {'certificateNumber': '鲁(2020)青岛市市南区不动产权第0012345号', 'location': '市南区香港中路 10 号 2 单元 801', 'area': '89.5', 'usage': '住宅'}),
    person_cert('张伟', 'JY-002', '2012-06-30', None, {'degree': '工学学士', 'school': '中国海洋大学'}),
    identity_card('李娜', '2018-09-11', '2038-09-11'),
    person_cert('李娜', 'MZ-001', '2019-05-20', None, {'spouseName': zw['name'], 'spouseIdNumber': zw['idNumber'], 'registrationDate': '2019-05-20'}),
    person_cert('李娜', 'RS-001', '2020-03-01', '2030-03-01', {'cardNumber': 'SD3702' + ln['idNumber'][-8:], 'bankName': '中国银行'}),
    person_cert('李娜', 'YB-001', '2021-01-01', None, {'insuranceType': '职工基本医疗保险'}),
    person_cert('李娜', 'WL-001', '2022-09-01', None, {'cardNumber': 'QDLIB' + ln['idNumber'][-8:], 'library': '青岛市图书馆'}),
    identity_card('王芳', '2010-04-02', '2030-04-02'),
    person_cert('王芳', 'GA-002', '2010-04-02', None, {'householdNumber': '370203012345', 'relationToHead': '户主', 'householdAddress': '市北区台东一路 8 号'}),
    person_cert('王芳', 'RS-001', '2019-06-15', '2029-06-15', {'cardNumber': 'SD3702' + people['王芳']['idNumber'][-8:], 'bankName': '青岛银行'}),
    identity_card('刘洋', '2015-02-10', '2035-02-10'),
    person_cert('刘洋', 'GA-006', '2022-04-12', '2028-04-12', {'licenseClass': 'C1', 'firstIssueDate': '2010-04-12'}),
    identity_card('陈静', '2016-07-01', '2026-07-01'),  # expired this year: reads as EXPIRED
    person_cert('陈静', 'JY-001', '2022-06-30', None, {'school': '青岛大学', 'major': '计算机科学与技术', 'level': '本科', 'graduationDate': '2022-06-30'}),
    identity_card('赵磊', '2014-03-03', '2034-03-03'),
    person_cert('赵磊', 'GA-006', '2020-10-10', '2026-10-10', {'licenseClass': 'A2', 'firstIssueDate': '2002-10-10'}),
    person_cert('赵磊', 'GA-007', '2019-12-01', None, {'plateNumber': '鲁B·D12345', 'vehicleType': '重型厢式货车', 'vin': 'LZZ1CLVB5KW123456'}),
    person_cert('赵磊', 'JT-002', '2021-05-05', '2027-05-05', {'category': '道路货物运输驾驶员'}),
    identity_card('孙丽', '2015-09-09', '2035-09-09'),
    person_cert('孙丽', 'GA-004', '2017-03-15', '2027-03-15', {'passportNumber': 'E12345678', 'birthPlace': '山东'}),
    identity_card('周强', '2011-12-20', '2031-12-20'),
    person_cert('周强', 'CL-001', '2023-02-01', '2033-02-01', {'disabilityCategory': '肢体残疾', 'disabilityLevel': '三级'}),
    person_cert('周强', 'GA-006', '2018-01-15', '2030-01-15', {'licenseClass': 'C1', 'firstIssueDate': '2012-01-15'},
                status='REVOKED', reason='因身体条件变化依法注销'),
    org_cert('青岛海蓝数字科技有限公司', 'SJ-001', '2021-03-18', None, {'legalRepresentative': '刘洋', 'registeredCapital': '500 万元人民币', 'establishedDate': '2021-03-18', 'address': '青岛市崂山区松岭路 169 号', 'businessScope': '软件开发；信息技术咨询服务'}),
    org_cert('青岛鲜味餐饮管理有限公司', 'SJ-001', '2022-08-08', None, {'legalRepresentative': '张伟', 'registeredCapital': '100 万元人民币', 'establishedDate': '2022-08-08', 'address': '青岛市市南区中山路 88 号', 'businessScope': '餐饮服务；食品销售'}),
    org_cert('青岛鲜味餐饮管理有限公司', 'SJ-002', '2022-09-01', '2027-09-01', {'licenseNumber': 'JY23702020012345', 'businessItems': '热食类食品制售'}),
    org_cert('青岛顺通物流有限公司', 'SJ-001', '2018-05-06', None, {'legalRepresentative': '赵磊', 'registeredCapital': '1000 万元人民币', 'establishedDate': '2018-05-06', 'address': '青岛市城阳区正阳路 177 号', 'businessScope': '普通货物道路运输；仓储服务'}),
    org_cert('青岛顺通物流有限公司', 'JT-001', '2022-05-06', '2026-05-06', {'scope': '道路普通货物运输'}),
]
with open(os.path.join(HERE, '..', 'dev', 'certificate', 'certificates.json'), 'w', encoding='utf-8') as f:
    json.dump(certs, f, ensure_ascii=False, indent=1)
    f.write('\n')

purposes = [
    {'code': 'ICBC-ACCOUNT-OPENING', 'integratorClientId': 'icbc-qingdao', 'name': '开户实名核验',
     'description': '个人银行账户开户时核验身份证件真实有效', 'certificateTypes': ['GA-001'],
     'fields': ['holderName', 'holderIdNumber', 'gender', 'birthDate']},
    {'code': 'ICBC-MORTGAGE', 'integratorClientId': 'icbc-qingdao', 'name': '住房贷款审核',
     'description': '个人住房贷款审批时核验婚姻与不动产情况', 'certificateTypes': ['MZ-001', 'ZR-001'],
     'fields': ['holderName', 'spouseName', 'registrationDate', 'certificateNumber', 'location', 'area']},
    {'code': 'PICC-CLAIM', 'integratorClientId': 'picc-qingdao', 'name': '保险理赔',
     'description': '车险理赔时核验驾驶证与行驶证', 'certificateTypes': ['GA-006', 'GA-007'],
     'fields': ['holderName', 'licenseClass', 'plateNumber', 'vehicleType']},
    {'code': 'SF-REAL-NAME', 'integratorClientId': 'sf-express', 'name': '快递实名',
     'description': '寄件人实名登记', 'certificateTypes': ['GA-001'], 'fields': ['holderName']},
    {'code': 'CMCC-SIM-CARD', 'integratorClientId': 'cmcc-shandong', 'name': '电话卡实名登记',
     'description': '办理电话卡时核验身份证件', 'certificateTypes': ['GA-001'], 'fields': ['holderName', 'holderIdNumber', 'address']},
]
with open(os.path.join(HERE, '..', 'certificate', 'purposes.json'), 'w', encoding='utf-8') as f:
    json.dump(purposes, f, ensure_ascii=False, indent=1)
    f.write('\n')
print(len(certs), 'certificates,', len(purposes), 'purposes')
