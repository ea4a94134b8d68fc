// Product descriptions: a few Vietnamese sentences on origin, making, use and storage,
// varied per category so search and listings have real text to work on.
import type { Rng } from "./random";

type Pools = { make: string[]; use: string[]; store: string[] };

const FOOD_STORE = ["Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.", "Sau khi mở bao bì, đậy kín và dùng trong vòng 30 ngày."];

const POOLS: Record<string, Pools> = {
  "nuoc-mam-gia-vi": {
    make: ["Cá cơm tươi được ướp muối theo tỷ lệ truyền thống và ủ chượp trong thùng gỗ từ 12 đến 18 tháng.", "Nguyên liệu được chọn lọc kỹ, lên men tự nhiên, không dùng chất bảo quản hay phẩm màu."],
    use: ["Dùng để chấm, nêm nếm món kho, món xào hoặc pha nước chấm gỏi cuốn.", "Chỉ cần một lượng nhỏ đã dậy vị đậm đà cho bữa cơm gia đình."],
    store: ["Đậy kín nắp sau khi dùng; hiện tượng kết tinh muối ở đáy chai là tự nhiên.", ...FOOD_STORE],
  },
  "gao-ngu-coc": {
    make: ["Lúa được canh tác theo quy trình giảm phân bón hóa học, thu hoạch đúng độ chín và xay xát ngay trong vụ.", "Hạt được phơi, xay và đóng gói hút chân không tại cơ sở để giữ hương thơm tự nhiên."],
    use: ["Nấu cơm dẻo mềm, thơm nhẹ, vẫn ngon khi để nguội.", "Vo nhẹ một lần, nấu với tỷ lệ nước ít hơn gạo thường một chút."],
    store: ["Bảo quản trong thùng kín, nơi khô mát; dùng ngon nhất trong 6 tháng.", ...FOOD_STORE],
  },
  "mat-ong": {
    make: ["Mật được quay từ các đàn ong nuôi di chuyển theo mùa hoa, lọc thô và không pha đường.", "Mật được hạ thủy phần ở nhiệt độ thấp để giữ enzyme và hương hoa tự nhiên."],
    use: ["Pha với nước ấm, chanh hoặc gừng; dùng thay đường trong đồ uống và món nướng.", "Mỗi sáng một thìa mật ong với nước ấm giúp làm ấm cổ họng."],
    store: ["Mật ong có thể kết tinh khi trời lạnh, đây là hiện tượng tự nhiên; không bảo quản trong tủ lạnh.", ...FOOD_STORE],
  },
  "trai-cay": {
    make: ["Trái được thu hoạch khi vừa chín tới tại vườn đạt chuẩn VietGAP, đóng thùng và giao ngay trong ngày.", "Vườn được chăm sóc bằng phân hữu cơ, bao trái từ sớm để trái đẹp và ít sâu bệnh."],
    use: ["Ăn tươi, làm sinh tố hoặc biếu tặng người thân.", "Để chín tự nhiên ở nhiệt độ phòng 1-2 ngày trước khi dùng để trái ngọt hơn."],
    store: ["Bảo quản ngăn mát tủ lạnh, dùng ngon nhất trong 5-7 ngày.", "Tránh xếp chồng nặng lên trái để không bị dập."],
  },
  "trai-cay-say-mut": {
    make: ["Trái tươi được sơ chế, sấy ở nhiệt độ thấp để giữ màu và vị ngọt tự nhiên, hạn chế đường.", "Sản phẩm được sên tay trong chảo gang theo cách làm truyền thống của gia đình."],
    use: ["Dùng làm món ăn vặt, đãi khách ngày Tết hoặc kèm trà chiều.", "Thích hợp làm quà biếu khi về quê hay đi công tác."],
    store: FOOD_STORE,
  },
  "banh-keo": {
    make: ["Bánh được làm thủ công mỗi ngày từ nguyên liệu địa phương, không chất bảo quản.", "Công thức gia truyền được giữ qua ba thế hệ, nướng và đóng gói ngay tại cơ sở."],
    use: ["Dùng kèm trà nóng, làm quà biếu trong dịp lễ Tết.", "Ngon nhất khi dùng trong vòng hai tuần kể từ ngày sản xuất."],
    store: FOOD_STORE,
  },
  "thit-hai-san-kho": {
    make: ["Nguyên liệu tươi được làm sạch, tẩm ướp vừa ăn và phơi nắng tự nhiên hoặc sấy trong buồng kín.", "Sản phẩm được sơ chế và đóng gói hút chân không trong ngày để giữ độ tươi."],
    use: ["Chiên, nướng hoặc rim mặn dùng với cơm trắng.", "Nướng than hồng, xé nhỏ chấm tương ớt là món nhắm quen thuộc."],
    store: ["Bảo quản ngăn đông tủ lạnh; rã đông trong ngăn mát trước khi chế biến.", "Bảo quản ngăn mát tủ lạnh, dùng trong 3 tháng."],
  },
  "rau-cu-nam": {
    make: ["Được trồng trong nhà màng, tưới nhỏ giọt và thu hoạch theo đơn đặt hàng.", "Sản phẩm canh tác theo hướng hữu cơ, không dùng thuốc bảo vệ thực vật hóa học."],
    use: ["Chế biến món xào, nấu canh, lẩu hoặc luộc chấm.", "Ngâm nước ấm 20 phút trước khi chế biến với sản phẩm khô."],
    store: ["Bảo quản ngăn mát tủ lạnh, dùng trong 5 ngày.", ...FOOD_STORE],
  },
  tra: {
    make: ["Búp trà được hái thủ công một tôm hai lá, sao sấy bằng chảo gang theo cách của người dân bản địa.", "Lá trà từ những cây chè cổ thụ trên núi cao, hái vào sáng sớm và chế biến ngay trong ngày."],
    use: ["Tráng ấm bằng nước sôi, hãm trà với nước 85-90°C trong 2-3 phút.", "Có thể pha 3-4 nước, vị chát dịu và hậu ngọt sâu."],
    store: ["Đựng trong hũ kín, tránh ẩm và mùi lạ.", ...FOOD_STORE],
  },
  "ca-phe": {
    make: ["Hạt chín đỏ được hái chọn, sơ chế ướt hoặc honey rồi rang mộc, không tẩm ướp hương liệu.", "Cà phê được rang theo mẻ nhỏ, kiểm soát nhiệt để giữ vị đắng dịu và hương thơm đặc trưng."],
    use: ["Pha phin 20-25 g với nước 92°C, dùng đen đá hoặc với sữa đặc.", "Phù hợp pha phin, pha máy hoặc cold brew."],
    store: ["Đóng kín túi có van một chiều sau khi mở, dùng ngon nhất trong 30 ngày.", ...FOOD_STORE],
  },
  ruou: {
    make: ["Rượu được nấu từ nếp và men lá truyền thống, chưng cất thủ công rồi hạ thổ trong chum sành.", "Sản phẩm được lọc bỏ tạp chất andehit theo quy trình đã được cấp phép."],
    use: ["Dùng trong các dịp lễ, tiệc, uống ngon hơn khi ướp lạnh nhẹ.", "Sản phẩm dành cho người trên 18 tuổi; uống có trách nhiệm."],
    store: ["Để nơi thoáng mát, tránh ánh nắng trực tiếp."],
  },
  "nuoc-giai-khat": {
    make: ["Trái tươi được ép lạnh, thanh trùng nhanh và đóng chai ngay, không thêm chất bảo quản.", "Sản phẩm được làm từ nguyên liệu tự nhiên, ít đường."],
    use: ["Lắc đều trước khi dùng, ngon hơn khi uống lạnh.", "Pha loãng với nước hoặc đá tùy khẩu vị."],
    store: ["Bảo quản ngăn mát; sau khi mở nắp dùng hết trong 3 ngày.", ...FOOD_STORE],
  },
  "duoc-lieu": {
    make: ["Dược liệu được trồng dưới tán rừng, thu hái đúng tuổi và sấy khô ở nhiệt độ thấp.", "Vùng trồng được kiểm soát theo hướng dẫn thực hành tốt trồng trọt và thu hái cây thuốc."],
    use: ["Hãm với nước sôi hoặc sắc uống hằng ngày; sản phẩm không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.", "Dùng theo hướng dẫn trên bao bì; phụ nữ có thai nên hỏi ý kiến thầy thuốc."],
    store: ["Bảo quản nơi khô ráo, đậy kín sau khi dùng."],
  },
  "tinh-dau": {
    make: ["Tinh dầu được chưng cất hơi nước từ nguyên liệu tươi trồng tại địa phương, không pha tạp.", "Sản phẩm được làm thủ công với thành phần thiên nhiên, không paraben."],
    use: ["Nhỏ vài giọt vào máy khuếch tán hoặc pha loãng với dầu nền để xoa bóp.", "Giúp thư giãn, khử mùi và xua muỗi tự nhiên."],
    store: ["Để xa tầm tay trẻ em, tránh tiếp xúc với mắt; đậy kín nắp sau khi dùng."],
  },
  "tho-cam-lua": {
    make: ["Mỗi tấm vải được dệt tay trên khung cửi truyền thống, nhuộm màu từ lá cây và vỏ cây rừng.", "Hoa văn được các nghệ nhân dệt theo mẫu cổ của dân tộc, mỗi sản phẩm mất nhiều ngày hoàn thành."],
    use: ["Dùng làm khăn choàng, trang phục hoặc quà tặng mang đậm bản sắc văn hóa.", "Có thể phối với trang phục hằng ngày hoặc trang trí nội thất."],
    store: ["Giặt tay nhẹ nhàng bằng nước lạnh, phơi nơi thoáng mát, tránh nắng gắt."],
  },
  "may-tre-dan": {
    make: ["Nguyên liệu tre, mây, cói được xử lý chống mốc tự nhiên và đan hoàn toàn bằng tay.", "Sản phẩm do các hộ trong làng nghề đan tại nhà, tạo việc làm cho phụ nữ nông thôn."],
    use: ["Dùng đựng đồ, trang trí nhà cửa, quán cà phê hoặc làm giỏ quà Tết.", "Thân thiện với môi trường, thay thế đồ nhựa dùng một lần."],
    store: ["Để nơi khô ráo; lau bằng khăn ẩm, tránh ngâm nước lâu."],
  },
  "gom-go-my-nghe": {
    make: ["Sản phẩm được tạo hình, vẽ và nung thủ công tại lò của làng nghề truyền thống.", "Mỗi sản phẩm là độc bản, hoa văn do nghệ nhân thể hiện trực tiếp."],
    use: ["Dùng trưng bày, làm quà tặng đối tác hoặc sử dụng hằng ngày.", "Phù hợp trang trí phòng khách, văn phòng và không gian thờ cúng."],
    store: ["Đóng gói chống sốc khi vận chuyển; vệ sinh bằng khăn mềm."],
  },
  "du-lich-cong-dong": {
    make: ["Chương trình do người dân địa phương trực tiếp tổ chức và hướng dẫn.", "Du khách được tham gia làm nông, nấu ăn cùng gia đình chủ nhà và tìm hiểu văn hóa bản địa."],
    use: ["Giá đã bao gồm hướng dẫn viên địa phương, bữa ăn đặc sản và vé tham quan.", "Vui lòng đặt trước ít nhất 2 ngày; trẻ em dưới 6 tuổi được miễn phí."],
    store: ["Hoàn tiền 100% khi hủy trước 3 ngày; thời tiết xấu có thể đổi lịch miễn phí."],
  },
};

const ORIGIN = [
  "{name} là sản phẩm của {producer}, được làm tại {place}, {province}.",
  "Sản phẩm có nguồn gốc từ vùng nguyên liệu {place} ({province}), được {producer} thu mua trực tiếp từ bà con.",
  "{producer} gìn giữ cách làm truyền thống của vùng {place} qua nhiều thế hệ.",
];
const ORIGIN_CRAFT = ["{name} được các nghệ nhân của {producer} làm thủ công tại {place}, {province}."];
const ORIGIN_TOUR = ["{name} do {producer} tổ chức tại {place}, {province}."];

export function describe(
  rng: Rng,
  category: string,
  vars: { name: string; producer: string; place: string; province: string },
): string {
  const pools = POOLS[category] ?? POOLS["banh-keo"]!;
  const origin =
    category === "du-lich-cong-dong"
      ? ORIGIN_TOUR
      : ["tho-cam-lua", "may-tre-dan", "gom-go-my-nghe"].includes(category)
        ? ORIGIN_CRAFT
        : ORIGIN;
  const parts = [rng.pick(origin), rng.pick(pools.make), rng.pick(pools.use)];
  if (rng.chance(0.7)) parts.push(rng.pick(pools.store));
  return parts.join(" ").replace(/\{(\w+)\}/g, (_, key: keyof typeof vars) => vars[key] ?? "");
}

const FOCUS_LABEL: Record<string, string> = {
  "nuoc-mam-gia-vi": "nước mắm và gia vị",
  "gao-ngu-coc": "gạo và nông sản chế biến",
  "mat-ong": "mật ong và sản phẩm từ ong",
  "trai-cay": "trái cây tươi",
  "trai-cay-say-mut": "trái cây sấy và mứt",
  "banh-keo": "bánh kẹo đặc sản",
  "thit-hai-san-kho": "thực phẩm khô và hải sản",
  "rau-cu-nam": "rau, củ, nấm",
  tra: "trà",
  "ca-phe": "cà phê và ca cao",
  ruou: "rượu truyền thống",
  "nuoc-giai-khat": "nước giải khát",
  "duoc-lieu": "dược liệu",
  "tinh-dau": "tinh dầu và mỹ phẩm thiên nhiên",
  "tho-cam-lua": "thổ cẩm và lụa",
  "may-tre-dan": "mây tre đan",
  "gom-go-my-nghe": "gốm và đồ mỹ nghệ",
  "du-lich-cong-dong": "du lịch cộng đồng",
};

export function describeProducer(rng: Rng, vars: { name: string; place: string; province: string; focus: string[]; founded: number }): string {
  const focus = vars.focus.map((c) => FOCUS_LABEL[c] ?? c).join(", ");
  const members = rng.int(7, 120);
  return [
    `${vars.name} thành lập năm ${vars.founded} tại ${vars.place}, ${vars.province}, hoạt động trong lĩnh vực ${focus}.`,
    rng.pick([
      `Hiện có ${members} thành viên và lao động, phần lớn là người dân địa phương.`,
      `Cơ sở liên kết với ${members} hộ dân trong vùng nguyên liệu.`,
      `Sản phẩm đã có mặt tại các hội chợ OCOP và cửa hàng đặc sản trong tỉnh.`,
    ]),
  ].join(" ");
}
