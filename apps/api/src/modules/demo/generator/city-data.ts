// Master data of a typical Chinese prefecture-level city (地级市): departments,
// the data resources each one typically shares, and who asks whom for data.

export type Category = '经济调节' | '市场监管' | '社会管理' | '公共服务' | '生态环境保护';

export interface DepartmentDef {
  code: string;
  name: string;
  name_en: string;
  category: Category;
  /** Relative size: share of the catalog and of interface traffic. */
  size: number;
  /** Base resource names, most important first. */
  topics: readonly string[];
}

/** In this order: the first N are used for a city of N departments. */
export const DEPARTMENT_DEFS: readonly DepartmentDef[] = [
  { code: 'PSB', name: '市公安局', name_en: 'Public Security Bureau', category: '社会管理', size: 3,
    topics: ['户籍人口信息', '机动车登记信息', '机动车驾驶人信息', '居民身份证办理信息', '出入境证件办理信息', '居住证办理信息', '流动人口登记信息', '旅馆业住宿登记信息', '道路交通违法信息', '道路交通事故信息', '出生登记信息', '死亡注销户口信息', '户口迁移信息', '无犯罪记录证明信息', '养犬登记信息', '保安服务许可信息', '剧毒化学品购买许可信息'] },
  { code: 'CAB', name: '市民政局', name_en: 'Civil Affairs Bureau', category: '社会管理', size: 2,
    topics: ['婚姻登记信息', '低保救助对象信息', '特困人员供养信息', '临时救助信息', '社会组织登记信息', '养老机构信息', '殡葬服务信息', '残疾人两项补贴信息', '孤儿基本生活保障信息', '高龄津贴发放信息', '地名信息', '农村留守儿童信息'] },
  { code: 'JUS', name: '市司法局', name_en: 'Justice Bureau', category: '社会管理', size: 0.8,
    topics: ['律师执业信息', '公证机构信息', '法律援助案件信息', '人民调解案件信息', '社区矫正对象信息', '司法鉴定机构信息', '行政复议案件信息', '基层法律服务工作者信息'] },
  { code: 'FIN', name: '市财政局', name_en: 'Finance Bureau', category: '经济调节', size: 1.2,
    topics: ['财政预算执行信息', '政府采购项目信息', '非税收入缴款信息', '行政事业单位国有资产信息', '财政专项资金拨付信息', '会计人员信息', '政府债务信息', '惠民惠农补贴发放信息'] },
  { code: 'HRSS', name: '市人力资源和社会保障局', name_en: 'Human Resources and Social Security Bureau', category: '公共服务', size: 2.2,
    topics: ['社保参保信息', '养老保险缴费信息', '失业保险金发放信息', '工伤认定信息', '就业登记信息', '失业登记信息', '职业资格证书信息', '职业技能等级证书信息', '劳动用工备案信息', '劳动保障监察案件信息', '社会保障卡信息', '养老金发放信息', '人才引进信息', '劳动人事争议仲裁信息'] },
  { code: 'NRP', name: '市自然资源和规划局', name_en: 'Natural Resources and Planning Bureau', category: '经济调节', size: 1.6,
    topics: ['国有建设用地使用权出让信息', '建设用地规划许可信息', '建设工程规划许可信息', '土地利用现状信息', '永久基本农田信息', '矿业权登记信息', '土地征收信息', '国土空间规划信息', '测绘成果信息', '地质灾害隐患点信息'] },
  { code: 'EEB', name: '市生态环境局', name_en: 'Ecology and Environment Bureau', category: '生态环境保护', size: 1.4,
    topics: ['空气质量监测信息', '地表水水质监测信息', '排污许可信息', '建设项目环评审批信息', '环境行政处罚信息', '重点排污单位在线监测信息', '危险废物经营许可信息', '突发环境事件信息', '声环境质量监测信息', '企业环境信用评价信息'] },
  { code: 'HCD', name: '市住房和城乡建设局', name_en: 'Housing and Urban-Rural Development Bureau', category: '经济调节', size: 1.6,
    topics: ['商品房网签备案信息', '商品房预售许可信息', '存量房交易信息', '建筑工程施工许可信息', '建筑业企业资质信息', '房地产开发企业资质信息', '公租房保障对象信息', '物业服务企业信息', '工程竣工验收备案信息', '注册建造师信息', '住房租赁登记备案信息'] },
  { code: 'TRB', name: '市交通运输局', name_en: 'Transport Bureau', category: '公共服务', size: 1.4,
    topics: ['道路运输经营许可信息', '道路运输车辆营运证信息', '道路运输从业人员资格证信息', '网约车经营许可信息', '出租汽车运营信息', '公交客流信息', '交通建设项目信息', '交通运输行政处罚信息', '机动车驾驶员培训机构信息', '水路运输许可信息'] },
  { code: 'WRB', name: '市水利局', name_en: 'Water Resources Bureau', category: '生态环境保护', size: 0.9,
    topics: ['水库水位监测信息', '水文监测信息', '取水许可信息', '河道采砂许可信息', '生产建设项目水土保持方案审批信息', '河湖长制信息', '水利工程信息', '防汛抗旱信息'] },
  { code: 'ARA', name: '市农业农村局', name_en: 'Agriculture and Rural Affairs Bureau', category: '经济调节', size: 1.2,
    topics: ['农药经营许可信息', '兽药经营许可信息', '家庭农场名录', '农民专业合作社信息', '耕地地力保护补贴信息', '农村土地承包经营权信息', '动物防疫信息', '农机购置补贴信息', '农产品质量安全检测信息', '农作物种子生产经营许可信息'] },
  { code: 'COM', name: '市商务局', name_en: 'Commerce Bureau', category: '经济调节', size: 1.0,
    topics: ['对外贸易经营者备案信息', '外商投资企业信息', '单用途商业预付卡备案信息', '二手车交易市场信息', '成品油零售经营许可信息', '拍卖企业信息', '社会消费品零售总额统计数据', '进出口总额统计数据'] },
  { code: 'CTB', name: '市文化广电旅游局', name_en: 'Culture, Radio, Television and Tourism Bureau', category: '公共服务', size: 1.0,
    topics: ['旅行社经营许可信息', 'A级旅游景区信息', '星级饭店信息', '导游证信息', '营业性演出许可信息', '网吧经营许可信息', '文物保护单位信息', '游客接待量统计数据', '广播电视播出机构信息'] },
  { code: 'HLC', name: '市卫生健康委员会', name_en: 'Health Commission', category: '公共服务', size: 1.8,
    topics: ['医疗机构执业许可信息', '医师执业注册信息', '护士执业注册信息', '出生医学证明信息', '居民死亡医学证明信息', '预防接种信息', '传染病疫情报告信息', '公共场所卫生许可信息', '计划生育家庭奖励扶助信息', '居民电子健康档案信息', '医疗机构床位使用信息', '放射诊疗许可信息'] },
  { code: 'VAB', name: '市退役军人事务局', name_en: 'Veterans Affairs Bureau', category: '社会管理', size: 0.7,
    topics: ['退役军人信息', '优抚对象信息', '退役士兵安置信息', '烈士褒扬信息', '光荣牌悬挂信息', '退役军人就业创业信息'] },
  { code: 'EMB', name: '市应急管理局', name_en: 'Emergency Management Bureau', category: '社会管理', size: 1.0,
    topics: ['危险化学品经营许可信息', '安全生产许可信息', '生产安全事故信息', '自然灾害灾情信息', '应急救援队伍信息', '应急物资储备信息', '安全生产行政处罚信息', '非煤矿山企业信息', '烟花爆竹经营许可信息'] },
  { code: 'AUD', name: '市审计局', name_en: 'Audit Bureau', category: '经济调节', size: 0.6,
    topics: ['审计项目信息', '审计发现问题整改信息', '审计结果公告信息', '经济责任审计信息', '审计移送事项信息'] },
  { code: 'MSA', name: '市市场监督管理局', name_en: 'Market Supervision Administration', category: '市场监管', size: 2.4,
    topics: ['市场主体登记信息', '市场主体注销信息', '企业年度报告信息', '经营异常名录信息', '严重违法失信名单信息', '食品经营许可信息', '食品生产许可信息', '药品零售许可信息', '特种设备使用登记信息', '计量器具检定信息', '市场监管行政处罚信息', '产品质量监督抽查信息', '商标专用权质押信息', '股权出质登记信息', '个体工商户登记信息'] },
  { code: 'STB', name: '市统计局', name_en: 'Statistics Bureau', category: '经济调节', size: 0.9,
    topics: ['地区生产总值统计数据', '规模以上工业增加值统计数据', '固定资产投资统计数据', '居民消费价格指数', '人口抽样调查数据', '基本单位名录库信息', '城乡居民收支统计数据', '统计执法检查信息'] },
  { code: 'HSA', name: '市医疗保障局', name_en: 'Healthcare Security Administration', category: '公共服务', size: 1.5,
    topics: ['医保参保登记信息', '医保缴费信息', '医保结算信息', '定点医药机构信息', '异地就医备案信息', '医疗救助信息', '门诊慢特病认定信息', '医保药品目录', '医保基金监管信息'] },
  { code: 'EDU', name: '市教育局', name_en: 'Education Bureau', category: '公共服务', size: 1.4,
    topics: ['中小学学籍信息', '教师资格证信息', '民办学校办学许可信息', '学生资助信息', '义务教育招生入学信息', '中考成绩信息', '幼儿园基本信息', '校外培训机构信息', '学校基本信息'] },
  { code: 'STC', name: '市科学技术局', name_en: 'Science and Technology Bureau', category: '经济调节', size: 0.8,
    topics: ['高新技术企业认定信息', '科技型中小企业信息', '科技计划项目信息', '技术合同登记信息', '科技成果登记信息', '研发费用加计扣除信息', '众创空间信息'] },
  { code: 'IIT', name: '市工业和信息化局', name_en: 'Industry and Information Technology Bureau', category: '经济调节', size: 1.0,
    topics: ['规模以上工业企业信息', '中小企业信息', '专精特新企业信息', '工业企业用电量数据', '工业技术改造项目信息', '无线电台站信息', '民用爆炸物品生产许可信息', '工业园区信息'] },
  { code: 'DRC', name: '市发展和改革委员会', name_en: 'Development and Reform Commission', category: '经济调节', size: 1.2,
    topics: ['固定资产投资项目审批信息', '企业投资项目备案信息', '重点项目建设信息', '重要商品价格监测信息', '公共信用信息', '信用修复信息', '地方粮食储备信息', '节能审查信息', '政府定价目录'] },
  { code: 'TAX', name: '市税务局', name_en: 'Taxation Bureau', category: '经济调节', size: 2.0,
    topics: ['企业纳税信用等级', '纳税人登记信息', '税收完税信息', '发票开具信息', '欠税公告信息', '重大税收违法失信案件信息', '个人所得税纳税信息', '出口退税信息', '税收优惠备案信息', '非正常户认定信息', '房产交易契税信息', '社保费征缴信息'] },
  { code: 'HPF', name: '市公积金管理中心', name_en: 'Housing Provident Fund Management Center', category: '公共服务', size: 1.0,
    topics: ['公积金缴存信息', '公积金提取信息', '公积金贷款信息', '公积金缴存单位登记信息', '公积金个人账户信息', '公积金逾期贷款信息'] },
  { code: 'REG', name: '市不动产登记中心', name_en: 'Real Estate Registration Center', category: '公共服务', size: 1.3,
    topics: ['不动产登记信息', '不动产抵押登记信息', '不动产查封登记信息', '不动产权证书信息', '不动产预告登记信息', '不动产异议登记信息', '不动产转移登记信息'] },
  { code: 'ASB', name: '市行政审批服务局', name_en: 'Administrative Approval Service Bureau', category: '市场监管', size: 1.4,
    topics: ['行政许可办件信息', '政务服务事项办理信息', '企业开办一件事信息', '投资项目审批信息', '电子证照信息', '政务服务好差评信息', '一网通办申报信息', '证照分离改革事项信息'] },
  { code: 'UMB', name: '市城市管理局', name_en: 'Urban Management Bureau', category: '社会管理', size: 1.0,
    topics: ['城市道路挖掘许可信息', '户外广告设置许可信息', '建筑垃圾处置核准信息', '市政设施信息', '生活垃圾分类信息', '城管执法案件信息', '临时占道经营许可信息', '燃气经营许可信息'] },
  { code: 'FOR', name: '市林业局', name_en: 'Forestry Bureau', category: '生态环境保护', size: 0.7,
    topics: ['林木采伐许可信息', '使用林地审批信息', '森林资源信息', '古树名木信息', '野生动物保护信息', '森林防火信息'] },
  { code: 'SPB', name: '市体育局', name_en: 'Sports Bureau', category: '公共服务', size: 0.5,
    topics: ['公共体育场馆信息', '社会体育指导员信息', '体育赛事活动信息', '高危险性体育项目经营许可信息', '体育彩票销售数据'] },
  { code: 'ARC', name: '市档案局', name_en: 'Archives Bureau', category: '公共服务', size: 0.4,
    topics: ['馆藏档案目录', '档案开放审核信息', '婚姻档案查询信息', '档案利用登记信息'] },
  { code: 'PCB', name: '市信访局', name_en: 'Public Complaints and Proposals Bureau', category: '社会管理', size: 0.6,
    topics: ['信访事项登记信息', '信访事项办理信息', '信访满意度评价信息', '网上信访信息', '领导接访信息'] },
  { code: 'CAD', name: '市人民防空办公室', name_en: 'Civil Air Defense Office', category: '社会管理', size: 0.4,
    topics: ['人防工程信息', '防空地下室易地建设费信息', '防空警报设施信息', '人防工程使用信息'] },
  { code: 'MET', name: '市气象局', name_en: 'Meteorological Bureau', category: '公共服务', size: 0.6,
    topics: ['地面气象观测数据', '天气预报信息', '气象灾害预警信息', '雷电防护装置检测信息', '人工影响天气作业信息'] },
  { code: 'EQB', name: '市地震局', name_en: 'Earthquake Administration', category: '社会管理', size: 0.4,
    topics: ['地震监测信息', '地震速报信息', '建设工程抗震设防要求信息', '地震台站信息'] },
  { code: 'DPF', name: '市残疾人联合会', name_en: "Disabled Persons' Federation", category: '社会管理', size: 0.7,
    topics: ['残疾人证信息', '残疾人康复服务信息', '残疾人就业信息', '残疾学生教育资助信息', '残疾人辅助器具适配信息'] },
  { code: 'FTU', name: '市总工会', name_en: 'Federation of Trade Unions', category: '社会管理', size: 0.5,
    topics: ['工会会员信息', '困难职工帮扶信息', '劳动模范信息', '职工互助保障信息', '基层工会组织信息'] },
  { code: 'SPA', name: '市邮政管理局', name_en: 'Postal Administration', category: '市场监管', size: 0.5,
    topics: ['快递业务经营许可信息', '快递末端网点备案信息', '邮政业务总量统计数据', '寄递安全检查信息', '快递企业信息'] },
  { code: 'TOB', name: '市烟草专卖局', name_en: 'Tobacco Monopoly Bureau', category: '市场监管', size: 0.5,
    topics: ['烟草专卖零售许可信息', '烟草专卖行政处罚信息', '卷烟销售统计数据', '烟草专卖许可证注销信息'] },
  // Beyond the default 40.
  { code: 'ERA', name: '市民族宗教事务局', name_en: 'Ethnic and Religious Affairs Bureau', category: '社会管理', size: 0.5,
    topics: ['宗教活动场所信息', '宗教教职人员备案信息', '少数民族人口信息'] },
  { code: 'GRB', name: '市粮食和物资储备局', name_en: 'Grain and Material Reserves Bureau', category: '经济调节', size: 0.6,
    topics: ['粮食收购许可信息', '储备粮库存信息', '粮油价格监测信息', '救灾物资储备信息'] },
  { code: 'SAC', name: '市国有资产监督管理委员会', name_en: 'State-owned Assets Supervision and Administration Commission', category: '经济调节', size: 0.7,
    topics: ['国有企业基本信息', '国有资本经营预算信息', '国有资产产权登记信息', '国有企业重大事项信息'] },
  { code: 'FRD', name: '市消防救援支队', name_en: 'Fire and Rescue Detachment', category: '社会管理', size: 0.8,
    topics: ['公众聚集场所消防安全检查信息', '火灾事故信息', '消防设施维护保养检测信息', '消防安全重点单位信息'] },
  { code: 'GOA', name: '市机关事务管理局', name_en: 'Government Offices Administration', category: '公共服务', size: 0.4,
    topics: ['公务用车信息', '党政机关办公用房信息', '公共机构能耗信息'] },
];

/** Departments small enough to be the isolated one. */
export const ISOLATION_CANDIDATES: readonly string[] = ['EQB', 'ARC', 'CAD', 'MET', 'TOB', 'SPA', 'FTU', 'SPB', 'ERA', 'GOA'];

/**
 * Who asks whom for data: [requester, provider, weight]. 民政 asks 公安 for
 * household data, 市场监管 asks 税务, 人社 asks 民政, 不动产 asks 自然资源, …
 */
export const REQUEST_LINES: readonly (readonly [string, string, number])[] = [
  ['CAB', 'PSB', 8], ['MSA', 'TAX', 7], ['HRSS', 'CAB', 6], ['REG', 'NRP', 6], ['TAX', 'REG', 6],
  ['TAX', 'MSA', 6], ['HPF', 'HRSS', 5], ['HPF', 'REG', 5], ['HSA', 'HRSS', 5], ['HSA', 'HLC', 5],
  ['EDU', 'PSB', 5], ['VAB', 'PSB', 4], ['VAB', 'CAB', 3], ['ASB', 'MSA', 6], ['ASB', 'NRP', 4],
  ['ASB', 'HCD', 4], ['STB', 'MSA', 4], ['STB', 'TAX', 4], ['AUD', 'FIN', 4], ['AUD', 'HRSS', 3],
  ['FIN', 'TAX', 4], ['PSB', 'CAB', 4], ['PSB', 'TRB', 3], ['EMB', 'MET', 4], ['EMB', 'WRB', 4],
  ['EMB', 'EQB', 2], ['HCD', 'REG', 5], ['COM', 'MSA', 4], ['ARA', 'NRP', 3], ['EEB', 'WRB', 3],
  ['TRB', 'PSB', 4], ['HLC', 'PSB', 5], ['JUS', 'PSB', 4], ['DPF', 'CAB', 4], ['DPF', 'HRSS', 3],
  ['CAB', 'HLC', 4], ['CAB', 'HRSS', 4], ['CAB', 'REG', 4], ['CAB', 'HPF', 3], ['HRSS', 'MSA', 3],
  ['HRSS', 'TAX', 3], ['DRC', 'MSA', 4], ['DRC', 'TAX', 3], ['DRC', 'STB', 3], ['IIT', 'STB', 3],
  ['STC', 'TAX', 3], ['UMB', 'HCD', 3], ['FOR', 'NRP', 3], ['CTB', 'PSB', 2], ['EDU', 'HRSS', 3],
  ['EDU', 'REG', 3], ['PCB', 'CAB', 2], ['FTU', 'HRSS', 2], ['SPA', 'MSA', 2], ['TOB', 'MSA', 2],
  ['HLC', 'HSA', 3], ['MSA', 'PSB', 3], ['REG', 'HCD', 3], ['NRP', 'REG', 3], ['TAX', 'HCD', 3],
];

export const REJECTION_REASONS: readonly string[] = [
  '涉及个人隐私，需补充授权材料',
  '申请用途不明确，请补充说明',
  '超出共享目录范围',
  '申请字段超出最小必要范围',
  '已通过接口方式共享，请直接调用',
  '申请依据文件不全，请补充',
  '数据尚在治理中，暂不具备共享条件',
  '涉及工作秘密，需经分管领导审批',
];
