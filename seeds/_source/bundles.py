"""One-matter bundles (一件事) and the form-field dictionary. Run: python3 seeds/_source/bundles.py

Items are implementation codes in 市南区 (370202) where the item is handled by districts, else the
city's (370200). Each item lists the form fields it needs; the bundle's unified form is their union.
"""
import json
import os
import english as en
from english import english

HERE = os.path.dirname(__file__)
items = {i['basicCode']: i for i in json.load(open(os.path.join(HERE, '..', 'catalog', 'service-items.json'), encoding='utf-8'))}

# key, label, type, required, source (PROFILE:<attr> | CERTIFICATE:<type>.<field> | null), options
FIELDS = [
    ('applicantName', '申请人姓名', 'TEXT', True, 'PROFILE:name', None),
    ('applicantIdNumber', '申请人公民身份号码', 'ID_NUMBER', True, 'PROFILE:idNumber', None),
    ('applicantMobile', '联系电话', 'MOBILE', True, 'PROFILE:mobile', None),
    ('applicantAddress', '居住地址', 'TEXT', True, 'PROFILE:address', None),
    ('spouseName', '配偶姓名', 'TEXT', True, 'CERTIFICATE:MZ-001.spouseName', None),
    ('spouseIdNumber', '配偶公民身份号码', 'ID_NUMBER', True, 'CERTIFICATE:MZ-001.spouseIdNumber', None),
    ('householdNumber', '户号', 'TEXT', False, 'CERTIFICATE:GA-002.householdNumber', None),
    ('socialSecurityCardNumber', '社会保障卡号', 'TEXT', False, 'CERTIFICATE:RS-001.cardNumber', None),
    ('propertyCertificateNumber', '不动产权证书号', 'TEXT', True, 'CERTIFICATE:ZR-001.certificateNumber', None),
    ('childName', '新生儿姓名', 'TEXT', True, None, None),
    ('childGender', '新生儿性别', 'CHOICE', True, None, ['男', '女']),
    ('childBirthDate', '出生日期', 'DATE', True, None, None),
    ('birthPlace', '出生地点（医院）', 'TEXT', True, None, None),
    ('schoolName', '报名学校', 'TEXT', True, None, None),
    ('kindergartenName', '报名幼儿园', 'TEXT', True, None, None),
    ('retirementDate', '退休日期', 'DATE', True, None, None),
    ('bankAccount', '收款银行账号', 'TEXT', True, None, None),
    ('deceasedName', '逝者姓名', 'TEXT', True, None, None),
    ('deceasedIdNumber', '逝者公民身份号码', 'ID_NUMBER', True, None, None),
    ('deathDate', '死亡日期', 'DATE', True, None, None),
    ('relationToDeceased', '与逝者关系', 'CHOICE', True, None, ['配偶', '子女', '父母', '其他']),
    ('companyName', '企业名称', 'TEXT', True, None, None),
    ('registeredCapital', '注册资本（万元）', 'NUMBER', True, None, None),
    ('businessScope', '经营范围', 'TEXT', True, None, None),
    ('employeeCount', '参保职工人数', 'NUMBER', True, None, None),
    ('venueAddress', '场所地址', 'TEXT', True, None, None),
    ('venueArea', '场所面积（平方米）', 'NUMBER', True, None, None),
    ('hospitalName', '就诊医院', 'TEXT', True, None, None),
    ('medicalExpense', '医疗费用（元）', 'NUMBER', True, None, None),
    ('employerName', '工作单位', 'TEXT', True, None, None),
    ('disabilityCategory', '残疾类别', 'CHOICE', True, None, ['视力', '听力', '言语', '肢体', '智力', '精神', '多重']),
    ('purchaseContractNumber', '购房合同编号', 'TEXT', True, None, None),
    ('graduationSchool', '毕业院校', 'TEXT', True, None, None),
]
PERSON = ['applicantName', 'applicantIdNumber', 'applicantMobile']


def item(basic, *extra, region='370202'):
    it = items[basic]
    code = (region if 'DISTRICT' in it['levels'] else '370200') + basic
    return {'code': code, 'fields': list(dict.fromkeys(PERSON + list(extra)))}


def org_item(basic, *extra):
    it = items[basic]
    code = ('370202' if 'DISTRICT' in it['levels'] else '370200') + basic
    return {'code': code, 'fields': list(dict.fromkeys(['applicantName', 'applicantMobile', 'companyName'] + list(extra)))}


BUNDLES = [
    ('NEWBORN', '新生儿出生一件事', 'BIRTH', 'NATURAL_PERSON', '出生医学证明、户口登记、社保卡申领、医保参保一次办', [
        item('GG0050001000', 'childName', 'childGender', 'childBirthDate', 'birthPlace', 'spouseName', 'spouseIdNumber'),
        item('QR0010006000', 'childName', 'childGender', 'childBirthDate', 'householdNumber', 'applicantAddress'),
        item('GG0020001000', 'childName', 'childBirthDate', 'applicantAddress'),
        item('QR0030002000', 'childName', 'childBirthDate', 'householdNumber'),
    ], {'370202GG0050001000': {'holderName': 'childName', 'gender': 'childGender', 'birthDate': 'childBirthDate',
                               'birthPlace': 'birthPlace', 'motherName': 'spouseName', 'motherIdNumber': 'spouseIdNumber',
                               'fatherName': 'applicantName', 'fatherIdNumber': 'applicantIdNumber'},
        '370202GG0020001000': {'holderName': 'childName'}}),
    ('PRIMARY_SCHOOL', '义务教育入学一件事', 'SCHOOL', 'NATURAL_PERSON', '小学入学报名、随迁子女资格审核一次办', [
        item('GG0060001000', 'childName', 'childBirthDate', 'schoolName', 'householdNumber', 'propertyCertificateNumber'),
        item('QR0060001000', 'childName', 'schoolName', 'applicantAddress'),
    ], {}),
    ('KINDERGARTEN', '幼儿园入园一件事', 'SCHOOL', 'NATURAL_PERSON', '幼儿园报名与少儿医保参保一次办', [
        item('GG0060003000', 'childName', 'childBirthDate', 'kindergartenName', 'householdNumber', 'propertyCertificateNumber'),
        item('QR0030001000', 'childName', 'childBirthDate', 'householdNumber'),
    ], {}),
    ('MARRIAGE', '婚育一件事', 'MARRIAGE', 'NATURAL_PERSON', '结婚登记、生育登记、户口项目变更一次办', [
        item('QR0040001000', 'spouseName', 'spouseIdNumber', 'householdNumber'),
        item('GG0050004000', 'spouseName', 'spouseIdNumber'),
        item('QR0010014000', 'householdNumber', 'applicantAddress'),
    ], {}),
    ('RETIREMENT', '退休一件事', 'RETIREMENT', 'NATURAL_PERSON', '养老金申领、公积金提取、医保变更一次办', [
        item('JF0020003000', 'retirementDate', 'bankAccount', 'socialSecurityCardNumber'),
        item('JF0120004000', 'retirementDate', 'bankAccount'),
        item('QR0030006000', 'retirementDate', 'socialSecurityCardNumber'),
    ], {}),
    ('AFTER_DEATH', '身后一件事', 'AFTER_DEATH', 'NATURAL_PERSON', '死亡证明、户口注销、丧葬补助、公积金提取一次办', [
        item('GG0050006000', 'deceasedName', 'deceasedIdNumber', 'deathDate', 'relationToDeceased'),
        item('QR0010013000', 'deceasedName', 'deceasedIdNumber', 'deathDate', 'householdNumber'),
        item('JF0020006000', 'deceasedName', 'deceasedIdNumber', 'relationToDeceased', 'bankAccount'),
        item('JF0120006000', 'deceasedName', 'deceasedIdNumber', 'relationToDeceased', 'bankAccount'),
    ], {}),
    ('COMPANY_OPENING', '企业开办一件事', 'ENTERPRISE_START', 'LEGAL_PERSON', '名称申报、设立登记、刻章、涉税、公积金缴存一次办', [
        org_item('QT0090001000', 'registeredCapital'),
        org_item('XK0090001000', 'registeredCapital', 'businessScope', 'applicantIdNumber'),
        org_item('QT0010003000', 'applicantIdNumber'),
        org_item('QR0110001000', 'businessScope'),
        org_item('QR0120001000', 'employeeCount'),
    ], {}),
    ('MEDICAL_REIMBURSEMENT', '医疗费用报销一件事', 'MEDICAL', 'NATURAL_PERSON', '零星报销与医保电子凭证一次办', [
        item('JF0030001000', 'hospitalName', 'medicalExpense', 'bankAccount', 'socialSecurityCardNumber'),
        item('GG0030001000', 'socialSecurityCardNumber'),
    ], {}),
    ('SOCIAL_INSURANCE', '社保参保一件事', 'WORK', 'NATURAL_PERSON', '就业登记、养老与医疗参保一次办（青岛“双12”）', [
        item('QR0020002000', 'employerName', 'applicantAddress'),
        item('QR0020004000', 'employerName', 'socialSecurityCardNumber'),
        item('QR0030003000', 'employerName', 'socialSecurityCardNumber'),
    ], {}),
    ('SMART_COMMUNITY', '智慧社区一件事', 'ELDERLY', 'NATURAL_PERSON', '居民养老、医保参保与养老服务补贴在社区一次办（青岛“双12”）', [
        item('QR0020005000', 'householdNumber', 'applicantAddress'),
        item('QR0030001000', 'householdNumber'),
        item('JF0040005000', 'applicantAddress', 'bankAccount'),
    ], {}),
    ('CHILDCARE', '托育服务一件事', 'ENTERPRISE_PERMIT', 'LEGAL_PERSON', '托育机构备案与消防检查一次办（青岛“双12”）', [
        org_item('QT0050002000', 'venueAddress', 'venueArea'),
        org_item('XK0240001000', 'venueAddress', 'venueArea'),
    ], {}),
    ('FIRE_RESCUE', '消防救援一件事', 'ENTERPRISE_PERMIT', 'LEGAL_PERSON', '消防设计审查、验收与开业前检查一次办（青岛“双12”）', [
        org_item('XK0070004000', 'venueAddress', 'venueArea'),
        org_item('XK0070005000', 'venueAddress', 'venueArea'),
        org_item('XK0240001000', 'venueAddress', 'venueArea'),
    ], {}),
    ('SEAMLESS_AUTH', '无感认证一件事', 'RETIREMENT', 'NATURAL_PERSON', '养老待遇资格认证与医保电子凭证免申即享（青岛“双12”）', [
        item('QR0020007000', 'socialSecurityCardNumber'),
        item('GG0030001000', 'socialSecurityCardNumber'),
    ], {}),
    ('UNEMPLOYMENT', '失业保障一件事', 'WORK', 'NATURAL_PERSON', '失业登记、失业保险金与灵活就业参保一次办', [
        item('QR0020001000', 'employerName', 'applicantAddress'),
        item('JF0020001000', 'employerName', 'bankAccount', 'socialSecurityCardNumber'),
        item('QR0020010000', 'socialSecurityCardNumber', 'applicantAddress'),
    ], {}),
    ('DISABILITY', '残疾人服务一件事', 'ASSISTANCE', 'NATURAL_PERSON', '残疾人证、两项补贴与辅具适配一次办', [
        item('QR0130001000', 'disabilityCategory', 'householdNumber', 'applicantAddress'),
        item('JF0040006000', 'disabilityCategory', 'bankAccount'),
        item('JF0130001000', 'disabilityCategory', 'applicantAddress'),
    ], {}),
    ('HOUSE_PURCHASE', '购房落户一件事', 'HOUSING', 'NATURAL_PERSON', '购房落户、公积金提取与契税申报一次办', [
        item('QR0010009000', 'propertyCertificateNumber', 'householdNumber', 'applicantAddress'),
        item('JF0120002000', 'propertyCertificateNumber', 'purchaseContractNumber', 'bankAccount'),
        item('QT0110005000', 'propertyCertificateNumber', 'purchaseContractNumber'),
    ], {}),
    ('GRADUATE', '高校毕业生落户就业一件事', 'WORK', 'NATURAL_PERSON', '毕业生落户、就业登记与公积金开户一次办', [
        item('QR0010011000', 'graduationSchool', 'applicantAddress'),
        item('QR0020002000', 'employerName', 'graduationSchool'),
        item('QR0120002000', 'employerName'),
    ], {}),
]

# Whom each item's certificate is about (its holder), when not the applicant: CHILD is the person
# the bundle registers (the newborn), given a 公民身份号码 at 户口登记 and its parents as guardians.
# A CHILD holder needs the form fields childName, childGender and childBirthDate (checked at start-up).
HOLDERS = {
    'NEWBORN': {'370202GG0050001000': 'CHILD', '370202GG0020001000': 'CHILD'},
}

bundles = []
for code, name, life, target, desc, its, issue in BUNDLES:
    bundles.append({'code': code, 'name': name, 'nameEn': english(en.BUNDLES, code, 'bundle'), 'lifeEventCode': life, 'target': target, 'description': desc,
                    'items': its, 'issueMappings': issue, 'issueHolders': HOLDERS.get(code, {})})
fields = [{'key': k, 'label': l, 'type': t, 'required': r, 'source': s, 'options': o} for k, l, t, r, s, o in FIELDS]
for b in bundles:
    for i in b['items']:
        for f in i['fields']:
            assert f in {x['key'] for x in fields}, f
with open(os.path.join(HERE, '..', 'bundle', 'bundles.json'), 'w', encoding='utf-8') as f:
    json.dump(bundles, f, ensure_ascii=False, indent=1)
    f.write('\n')
with open(os.path.join(HERE, '..', 'bundle', 'form-fields.json'), 'w', encoding='utf-8') as f:
    json.dump(fields, f, ensure_ascii=False, indent=1)
    f.write('\n')
print(len(bundles), 'bundles,', len(fields), 'form fields')
